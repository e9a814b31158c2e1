# idflow: Vault ACL policy idflow-exception-backfill-2026q4
# exception backfill-2026q4, approved by security, from 2026-12-01T06:00:00Z until 2026-12-03T06:00:00Z
# ticket: "DATA-2291"
# reason: "one-off backfill of the Q4 reports after the warehouse migration"

path "database/creds/warehouse-etl" {
  capabilities = ["read"]
}
