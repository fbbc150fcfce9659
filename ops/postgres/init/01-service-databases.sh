#!/usr/bin/env bash
# Runs once, when the postgres container initialises an empty data volume
# (/docker-entrypoint-initdb.d). One login role and one database per backend service; the role has
# the database's name and owns it, and nobody else may connect to it.
# Passwords come from the environment that docker-compose.yml passes in; the defaults are for
# local development only.
set -euo pipefail

create_service_database() {
    local name="$1" password="$2"
    psql --no-psqlrc -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
        --set=name="$name" --set=password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
    echo "created role and database ${name}"
}

create_service_database ticket "${TICKET_DB_PASSWORD:-ticket}"
create_service_database dispatch "${DISPATCH_DB_PASSWORD:-dispatch}"
create_service_database returns "${RETURNS_DB_PASSWORD:-returns}"
create_service_database feedback "${FEEDBACK_DB_PASSWORD:-feedback}"
