/** Table shapes of the control room, by table name (merged into Database). */

/** A named copy of a portal's data rows: compressed JSON, one document for every data table. */
export interface PortalSnapshotTable {
  portal_id: string;
  name: string;
  /** Rows copied, over every table. */
  row_count: number;
  /** Bytes of `data`. */
  size: number;
  data: Uint8Array;
  created_at: number;
}

/** The control room's tables. */
export interface ControlRoomTables {
  portal_snapshots: PortalSnapshotTable;
}
