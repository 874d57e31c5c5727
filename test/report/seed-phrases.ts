// Every figure of seed 004 (the real May 2024 report) in its sentence, as the report prints it.
// Deliberate normalisations of the seed's typing slips: "3521" → "3.521", "5.6%" → "5,6%",
// "92.3%" → "92,3%", "96,43" → "96,43%", "Kế toán; 01" → "Kế toán 01", "Bác sỹ 5" → "Bác sỹ 05"
// (counts below 10 take two digits throughout, as the seed writes them almost everywhere).
export const SEED_PHRASES: readonly string[] = [
  'Tổng số cán bộ là: 51 (biên chế: 50; hợp đồng: 01). Trong đó:',
  'Trên đại học: 07 cán bộ (Thạc sỹ 02; Bác sỹ CKI 05).',
  'Đại học: 22 (Bác sỹ 05; Điều dưỡng 06; Dược 01; YTCC 03; Chuyên ngành khác 07).',
  'Cao đẳng: 10 cán bộ (Điều dưỡng 05; Kế toán 01; Dược sỹ 02; KTV xét nghiệm 02).',
  'Trung cấp: 11 cán bộ (Y sỹ đa khoa 11).',
  'Lái xe: 01.',
  'Tổng số cán bộ là: 02 (Hợp đồng lao động). Trong đó: Dược sỹ: 01; Bảo vệ: 01.',
  'tổng số cán bộ biên chế là: 187 cán bộ. Trong đó: Bác sỹ: 39; Y sỹ: 102; Nữ hộ sinh: 15; Điều dưỡng: 31.',
  'Bệnh cúm thường là 235 bệnh nhân, tiêu chảy là 140 bệnh nhân.',
  'Trong tháng 5 triển khai tiêm vắc xin phòng Covid-19: Tổng số 42 liều.',
  'Tính đến ngày 31/5/2024 tổng số mũi tiêm trong huyện là 509.591 liều.',
  'Mũi 1: 157.422 liều; Mũi 2: 157.561 liều; Mũi 3: 36.724 liều; Mũi nhắc lại: 17.013; Mũi nhắc lại lần 1: 103.236; Mũi nhắc lại lần 2: 38.317 liều; Mũi bổ sung: 16.331 liều.',
  'Bộ tiêu chí quốc gia về y tế là 15 xã.',
  'Số bài viết truyền thông là 194 bài, Trong đó: Về phòng chống dịch, bệnh là 53 bài, về An toàn vệ sinh thực phẩm là 25 bài, về các bệnh xã hội là 63 bài, tuyên truyền về nội dung khác là 53 bài.',
  'Số lượt người được tư vấn và giáo dục sức khoẻ trực tiếp là 2.822 lượt.',
  'Tổng số trẻ trong độ tuổi tiêm chủng là 3.521 trẻ.',
  'Số trẻ dưới 1 tuổi được tiêm chủng đầy đủ là 307 trẻ đạt 8,7% kế hoạch.',
  'Số trẻ tiêm sởi mũi 2 là 243 trẻ đạt 7,0% kế hoạch.',
  'Số phụ nữ có thai được tiêm UV2+ là 203 đạt 5,6% kế hoạch.',
  'Số trẻ được bảo vệ UVSS là 280 trẻ đạt 7,9% kế hoạch.',
  'tổng số lam xét nghiệm là 25 lam',
  'Tổng số cơ sở kinh doanh, chế biến thực phẩm là 610.',
  'tổng số ca mắc trong tháng 5 là 82 ca.',
  'tỷ lệ số nhà sử dụng nhà tiêu hợp vệ sinh đạt 92,3%.',
  'giám sát vệ sinh an toàn lao động tại 02 công ty.',
  'số người được khám là 114 người.',
  'Giám sát phát hiện 77 ca.',
  'Không có ca ngộ độc thuốc, hóa chất, thuốc bảo vệ thực vật.',
  'Tổng số bệnh nhân HIV hiện mắc là 268 bệnh nhân, số bệnh nhân AIDS hiện mắc là 63 bệnh nhân. Số bệnh nhân điều trị Methadone là 110 bệnh nhân.',
  'Số bệnh nhân HIV mới trong tháng 5 là 0 bệnh nhân. Số bệnh nhân AIDS tử vong trong tháng 5 là 0 bệnh nhân.',
  'Số ca khám và tư vấn là 50 ca, số bơm kim tiêm được cấp phát là 6.000 cái, số bao cao su được cấp phát 1.440 cái.',
  'Tổng số bệnh nhân Bướu cổ được quản lý là 335 bệnh nhân, trong đó bướu thường là 303 bệnh nhân, bướu Basedow là 32 bệnh nhân.',
  'Độ phủ muối Iốt trên địa bàn toàn huyện là 98%.',
  'Số bệnh nhân lao mọi thể mới phát hiện là 01 bệnh nhân.',
  'Tổng số bệnh nhân lao các thể đang điều trị là 16 bệnh nhân.',
  'Số bệnh nhân Lao AFB mới phát hiện là 0 bệnh nhân.',
  'Tỷ lệ bệnh nhân lao phổi AFB (+) được điều trị khỏi là 7,7%.',
  'chương trình phòng chống bệnh tâm thần cộng đồng là 31 xã.',
  'Số bệnh nhân tâm thần được quản lý là 1.196 bệnh nhân.',
  'Số bệnh nhân được điều trị ổn định là 1.196 bệnh nhân.',
  'Không có bệnh nhân mới được đưa vào quản lý.',
  'Tổng số trẻ sinh là 258 trẻ (trẻ nam 140, trẻ gái 118). Tỷ số giới tính nam/nữ là 118/100.',
  'Trẻ sinh ra là con thứ 3 là 56 trẻ.',
  'Tổng số người sử dụng biện pháp KHHGĐ là 2.726 người. Trong đó: Dùng thuốc viên tránh thai là 1.380 người, dùng bao cao su là 1.344 người. Đặt vòng tránh thai là 02 người.',
  'Số phụ nữ khám thai 4 lần/3 kỳ là 255 người.',
  'Số lần khám thai trung bình là 3,2 lần.',
  'Số tử vong trẻ < 5 tuổi là 0 trẻ.',
  'Số trẻ đẻ < 2500 gr là 08 trẻ.',
  'Tổng số trẻ đẻ sống là 258 trẻ.',
  'Xét nghiệm tìm AFB là 103 mẫu.',
  'Xét nghiệm HIV là 43 mẫu.',
  'Xét nghiệm KSTSR là 25 mẫu.',
  'Xét nghiệm VSATTP là 10 mẫu.',
  'Xét nghiệm khác là 31 mẫu.',
  'bệnh nhân Lao bảo hiểm y tế với tổng số 10 lượt bệnh nhân.',
  'Trong tháng 5 tổng số lượt bệnh nhân đến khám tại các trạm y tế xã, thị trấn là 7.954 lượt. Tổng số lượt bệnh nhân khám có thẻ bảo hiểm y tế: 2.529 lượt. Tổng số bệnh nhân chuyển tuyến: 82 người. Tổng số kinh phí thu được: 49.875.000đ.',
  'Tổng số lượt KCB sử dụng CCCD gắn chíp là 1.924 lượt, trong đó số lượt sử dụng CCCD gắn chíp có thông tin bảo hiểm trả về thành công là 1.721 lượt.',
  'Tính đến ngày 31/5/2024 tổng số nhân khẩu đã được tạo lập Hồ sơ sức khỏe điện tử là 238.168 đạt 99,35%; Số bộ HSSK đã có dữ liệu phần B là 238.017 đạt 99,29%; Số bộ HSSK đã có dữ liệu phần C là 231.149 đạt 96,43%; Số bộ HSSK đã có dữ liệu phần D là 237.976 đạt 99,28%.',
  'Tổng số lượt đơn thuốc được liên thông thành công là 2.414 lượt.',
  'Trạm Y tế các xã, thị trấn là 853 lượt, trong đó thanh toán bằng hình thức không dùng tiền mặt là 354 lượt.',
];

/** The header, title and closing of the May 2024 report dated 10 June 2024. */
export const FRAME_PHRASES: readonly string[] = [
  'SỞ Y TẾ THANH HÓA',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  '/BC-TTYT',
  'Hoằng Hóa, ngày 10 tháng 6 năm 2024',
  'BÁO CÁO',
  'KẾT QUẢ THỰC HIỆN CÔNG TÁC Y TẾ THÁNG 5',
  'VÀ PHƯƠNG HƯỚNG NHIỆM VỤ THÁNG 6 NĂM 2024',
  'PHẦN THỨ HAI',
  'Nơi nhận:',
  'KT. GIÁM ĐỐC',
  'PHÓ GIÁM ĐỐC',
];

/** pdftotext output as one line: page-number lines dropped, whitespace collapsed. */
export function flatten(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s*\d{1,3}\s*$/.test(l))
    .join(' ')
    .replace(/\f/g, ' ')
    .replace(/\s+/g, ' ');
}
