// The one IPC channel between the window and the host. Its own module so the preload bundle
// carries this constant and nothing of the main process.
export const API_CHANNEL = 'thongke:invoke';
