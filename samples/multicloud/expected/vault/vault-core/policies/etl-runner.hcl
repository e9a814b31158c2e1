# idflow: Vault ACL policy idflow-etl-runner
# identity etl-runner, owner data-platform
# description: "Nightly ETL: S3 raw zone -> BigQuery \"warehouse\""

path "database/creds/warehouse-etl" {
  capabilities = ["read"]
}

path "secret/data/etl/*" {
  capabilities = ["read"]
}

path "secret/metadata/etl/*" {
  capabilities = ["list", "read"]
}
