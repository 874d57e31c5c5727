// The catalogue shipped in resources/catalogue/, in report order. A new programme file is added here.
import { buildCatalogue, type Catalogue } from './catalogue';
import p1 from '../resources/catalogue/01-general.json';
import p2 from '../resources/catalogue/02-disease.json';
import p3 from '../resources/catalogue/03-nhc.json';
import p4 from '../resources/catalogue/04-iec.json';
import p5 from '../resources/catalogue/05-epi.json';
import p6 from '../resources/catalogue/06-malaria.json';
import p7 from '../resources/catalogue/07-food-safety.json';
import p8 from '../resources/catalogue/08-sanitation.json';
import p9 from '../resources/catalogue/09-occupational.json';
import p10 from '../resources/catalogue/10-injury.json';
import p11 from '../resources/catalogue/11-hiv.json';
import p12 from '../resources/catalogue/12-iodine.json';
import p13 from '../resources/catalogue/13-tb.json';
import p14 from '../resources/catalogue/14-mental.json';
import p15 from '../resources/catalogue/15-family-planning.json';
import p16 from '../resources/catalogue/16-reproductive.json';
import p17 from '../resources/catalogue/17-laboratory.json';
import p18 from '../resources/catalogue/18-curative.json';
import p19 from '../resources/catalogue/19-digital.json';
import p20 from '../resources/catalogue/20-staffing.json';

const FILES: readonly unknown[] = [p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p20];

let cached: Catalogue | null = null;

/** The shipped catalogue, validated once. */
export function shippedCatalogue(): Catalogue {
  cached ??= buildCatalogue(FILES);
  return cached;
}
