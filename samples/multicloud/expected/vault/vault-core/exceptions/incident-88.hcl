# idflow: Vault ACL policy idflow-exception-incident-88
# exception incident-88, approved by security, from 2026-11-29T09:00:00Z until 2026-11-29T15:00:00Z
# ticket: "INC-88"
# reason: "debug the failing \"nightly\" run; see runbook C:\\etl\\RB-7"

path "secret/data/etl/*" {
  capabilities = ["read"]
}

path "secret/metadata/etl/*" {
  capabilities = ["list", "read"]
}
