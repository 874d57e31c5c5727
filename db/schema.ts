// One interface per table (Kysely's convention). Migrations never import these: they are
// frozen in time, and this file describes the newest schema only.
import type { Generated, Insertable, Selectable } from 'kysely';

export interface OrgUnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  level: 'province' | 'district' | 'commune' | 'facility';
  parent_id: number | null;
  sort: number;
  closed_from: string | null;
  merged_into_id: number | null;
  created_at: string;
  /** Migration 4: the unit whose bundles bring this unit's data (read-only here); null for own units. */
  received_from: string | null;
  /** Migration 5: when the unit was registered by `units import` (its name and parent are this installation's); null otherwise. */
  registered_at: string | null;
  /** Migration 6: the first month a unit made during the app's life reports (null: always). */
  opened_from: string | null;
}

export interface OrgUnitHistoryTable {
  id: Generated<number>;
  unit_id: number;
  change: 'add' | 'rename' | 'move' | 'merge' | 'close' | 'site';
  old_value: string | null;
  new_value: string | null;
  effective_from: string | null;
  /** Migration 6: e.g. the former unit a sub-site continues. */
  note: string | null;
  changed_by: string;
  changed_at: string;
}

export interface DataElementTable {
  id: Generated<number>;
  code: string;
  programme: string;
  kind: string;
  value_type: string;
  entry_level: string;
  sort: number;
  retired: number;
}

export interface DataValueTable {
  unit_id: number;
  period: string;
  element_id: number;
  value: number | null;
  comment: string | null;
  revision: number;
  updated_by: string;
  updated_at: string;
  source: string;
}

export interface AuditTable {
  unit_id: number;
  period: string;
  element_id: number;
  old_value: number | null;
  new_value: number | null;
  old_comment: string | null;
  new_comment: string | null;
  revision: number;
  changed_by: string;
  changed_at: string;
  source: string;
}

export interface PlanTargetTable {
  unit_id: number;
  year: number;
  element_id: number;
  target: number;
  direction: '>=' | '<=' | '<';
  updated_by: string;
  updated_at: string;
}

export interface NarrativeTable {
  unit_id: number;
  period: string;
  section: string;
  body: string;
  revision: number;
  updated_by: string;
  updated_at: string;
}

export interface SettingTable {
  key: string;
  value: string;
}

/** Migration 2: no row means open. */
export interface MonthStatusTable {
  unit_id: number;
  period: string;
  status: 'open' | 'complete';
  explained_count: number;
  changed_by: string;
  changed_at: string;
}

/** Migration 4: the sync bundle. */
export interface BundleSentTable {
  unit_id: number;
  period: string;
  revision: number;
  file_name: string;
  file_hash: string;
  sent_by: string;
  sent_at: string;
}

export interface BundleReceivedTable {
  unit_id: number;
  period: string;
  revision: number;
  fingerprint: string;
  file_hash: string;
  received_by: string;
  received_at: string;
  /** Migration 5: the signed send time (bundle header `created`) of the revision held; null for rows accepted before. */
  sent_at: string | null;
  /** Migration 5: the signed send time and the receive time of the first revision accepted. */
  first_sent_at: string | null;
  first_received_at: string | null;
  /** Migration 5: the bundle's count of unexplained high-importance problems. */
  unexplained: number | null;
}

export interface BundleTrustTable {
  unit: string;
  public_key: string;
  fingerprint: string;
  trusted_by: string;
  trusted_at: string;
}

export interface BundleImportTable {
  id: Generated<number>;
  file_name: string;
  file_hash: string;
  unit: string;
  periods: string;
  revisions: string;
  fingerprint: string;
  result: string;
  counts: string;
  imported_by: string;
  imported_at: string;
}

export interface DB {
  org_unit: OrgUnitTable;
  org_unit_history: OrgUnitHistoryTable;
  data_element: DataElementTable;
  data_value: DataValueTable;
  audit: AuditTable;
  plan_target: PlanTargetTable;
  narrative: NarrativeTable;
  setting: SettingTable;
  month_status: MonthStatusTable;
  bundle_sent: BundleSentTable;
  bundle_received: BundleReceivedTable;
  bundle_trust: BundleTrustTable;
  bundle_import: BundleImportTable;
}

export type OrgUnitRow = Selectable<OrgUnitTable>;
export type NewOrgUnit = Insertable<OrgUnitTable>;
export type DataValueRow = Selectable<DataValueTable>;
export type AuditRow = Selectable<AuditTable>;
export type PlanTargetRow = Selectable<PlanTargetTable>;
export type NarrativeRow = Selectable<NarrativeTable>;
export type MonthStatusRow = Selectable<MonthStatusTable>;
