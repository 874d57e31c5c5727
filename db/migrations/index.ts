// Every migration, in order. Version N is MIGRATIONS[N - 1]; the database's version is in
// PRAGMA user_version. Listed statically so a bundler keeps them all.
import type { Database } from 'better-sqlite3';
import { updateToSchemaVersion1 } from './0001-initial';
import { updateToSchemaVersion2 } from './0002-month-status';
import { updateToSchemaVersion3 } from './0003-month-lock';
import { updateToSchemaVersion4 } from './0004-bundle';
import { updateToSchemaVersion5 } from './0005-status';
import { updateToSchemaVersion6 } from './0006-unit-changes';
import { updateToSchemaVersion7 } from './0007-unit-total';

export const MIGRATIONS: readonly ((db: Database) => void)[] = [
  updateToSchemaVersion1, updateToSchemaVersion2, updateToSchemaVersion3, updateToSchemaVersion4, updateToSchemaVersion5, updateToSchemaVersion6,
  updateToSchemaVersion7,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
