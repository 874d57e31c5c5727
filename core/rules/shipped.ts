// The rules shipped in resources/rules/, compiled once per catalogue. A new rule file is added here.
import type { Catalogue } from '../catalogue';
import { compileRules, type RuleFile, type RuleSet } from './ruleset';
import general from '../../resources/rules/01-general.json';
import disease from '../../resources/rules/02-disease.json';
import epi from '../../resources/rules/05-epi.json';
import malaria from '../../resources/rules/06-malaria.json';
import foodSafety from '../../resources/rules/07-food-safety.json';
import hiv from '../../resources/rules/11-hiv.json';
import iodine from '../../resources/rules/12-iodine.json';
import tb from '../../resources/rules/13-tb.json';
import mental from '../../resources/rules/14-mental.json';
import familyPlanning from '../../resources/rules/15-family-planning.json';
import reproductive from '../../resources/rules/16-reproductive.json';
import curative from '../../resources/rules/18-curative.json';
import digital from '../../resources/rules/19-digital.json';
import staffing from '../../resources/rules/20-staffing.json';

export const SHIPPED_RULE_FILES: readonly RuleFile[] = [
  { name: '01-general.json', data: general },
  { name: '02-disease.json', data: disease },
  { name: '05-epi.json', data: epi },
  { name: '06-malaria.json', data: malaria },
  { name: '07-food-safety.json', data: foodSafety },
  { name: '11-hiv.json', data: hiv },
  { name: '12-iodine.json', data: iodine },
  { name: '13-tb.json', data: tb },
  { name: '14-mental.json', data: mental },
  { name: '15-family-planning.json', data: familyPlanning },
  { name: '16-reproductive.json', data: reproductive },
  { name: '18-curative.json', data: curative },
  { name: '19-digital.json', data: digital },
  { name: '20-staffing.json', data: staffing },
];

const cache = new WeakMap<Catalogue, RuleSet>();

/** The shipped rules (plus those the catalogue implies), compiled once for this catalogue. */
export function shippedRules(catalogue: Catalogue): RuleSet {
  let set = cache.get(catalogue);
  if (!set) {
    set = compileRules(catalogue, SHIPPED_RULE_FILES);
    cache.set(catalogue, set);
  }
  return set;
}
