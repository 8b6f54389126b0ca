#!/usr/bin/env bash
# The README's curl examples in one go, against a running Écluse with the demo data (./scripts/run):
# log in, find the company, upload a FEC file (GraphQL multipart), wait for the parse, list the console,
# page the entries, validate, read the trial balance; then an API key upload and its downloads.
#
#   docs/examples/api_walkthrough.sh                  # BASE defaults to http://127.0.0.1:8000
#   BASE=http://127.0.0.1:8765 docs/examples/api_walkthrough.sh
#
# Needs curl and jq. Run it from anywhere; it finds the example files next to itself.
set -euo pipefail
BASE=${BASE:-http://127.0.0.1:8000}
HERE=$(cd "$(dirname "$0")" && pwd)
GOOD=$HERE/123456782FEC20261231.txt
BAD=$HERE/fec_with_errors.txt

gql() {  # gql TOKEN QUERY [VARIABLES_JSON]
  curl -sS "$BASE/graphql" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    -d "$(jq -nc --arg q "$2" --argjson v "${3:-null}" '{query: $q, variables: $v}')"
}

upload() {  # upload AUTH_HEADER COMPANY FILE IDEMPOTENCY_KEY
  local ops
  ops=$(jq -nc --arg c "$2" --arg k "$4" '{
    query: "mutation($c: ID!, $f: Upload!, $k: String) { uploadImport(companyId: $c, file: $f, format: FEC, idempotencyKey: $k) { batch { id status origin partner duplicateOfId } jobId errors { code message field } } }",
    variables: {c: $c, f: null, k: (if $k == "" then null else $k end)}}')
  curl -sS "$BASE/graphql" -H "$1" -F operations="$ops" -F map='{"0":["variables.f"]}' -F 0=@"$3"
}

wait_parsed() {  # wait_parsed TOKEN BATCH_ID → prints the final status
  local status
  for _ in $(seq 120); do
    status=$(gql "$1" 'query($id: ID!) { importBatch(id: $id) { status } }' "{\"id\":\"$2\"}" |
      jq -r .data.importBatch.status)
    case $status in RECEIVED | PARSING | VALIDATING) sleep 0.5 ;; *) echo "$status"; return ;; esac
  done
  echo "timeout (last status $status)" >&2
  return 1
}

echo "== login"
TOKEN=$(curl -sS "$BASE/graphql" -H 'Content-Type: application/json' \
  -d '{"query":"mutation { login(email: \"collab@demo.ecluse.fr\", password: \"demo\") { token user { name } errors { code message } } }"}' |
  jq -r .data.login.token)
[ "$TOKEN" != null ] || { echo "login failed: is the demo data there (ecluse demo)?" >&2; exit 1; }
echo "token ${TOKEN:0:8}…"

echo "== companies"
gql "$TOKEN" '{ companies { id name siren role } }' | jq -c .
COMPANY=$(gql "$TOKEN" '{ companies { id siren } }' | jq -r '.data.companies[] | select(.siren == "123456782") | .id')

echo "== upload $(basename "$GOOD")"
KEY_SUFFIX=$(date +%s)
UPLOAD=$(upload "Authorization: Bearer $TOKEN" "$COMPANY" "$GOOD" "walkthrough-$KEY_SUFFIX")
echo "$UPLOAD" | jq -c .
BATCH=$(echo "$UPLOAD" | jq -r .data.uploadImport.batch.id)

echo "== same idempotency key again: the same batch"
upload "Authorization: Bearer $TOKEN" "$COMPANY" "$GOOD" "walkthrough-$KEY_SUFFIX" | jq -c .data.uploadImport.batch

echo "== wait for the parse"
STATUS=$(wait_parsed "$TOKEN" "$BATCH")
echo "status $STATUS"
gql "$TOKEN" 'query($id: ID!) { importBatch(id: $id) { status entryCount lineCount totalDebit totalCredit
  firstMovement lastMovement siren closingDate referencePeriod { name } errorCount findingCount duplicateOfId } }' \
  "{\"id\":\"$BATCH\"}" | jq -c .

echo "== the console: batches waiting for a decision"
gql "$TOKEN" 'query($c: ID!) { importBatches(companyId: $c, filter: {statuses: [PENDING_VALIDATION, FINISHED_WITH_ERROR]},
  sort: {field: CREATED_AT, direction: DESC}, first: 10) {
  totalCount pageInfo { hasNextPage endCursor } nodes { id fileName status partner entryCount errorSummary } } }' \
  "{\"c\":\"$COMPANY\"}" | jq -c .

echo "== entries, 5 at a time"
AFTER=null
while :; do
  PAGE=$(gql "$TOKEN" 'query($id: ID!, $after: String) { importBatch(id: $id) { entries(first: 5, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { line journal entryNumber date account label debit credit } } } }' \
    "$(jq -nc --arg id "$BATCH" --argjson a "$AFTER" '{id: $id, after: $a}')")
  echo "$PAGE" | jq -c '.data.importBatch.entries.nodes[]'
  [ "$(echo "$PAGE" | jq -r .data.importBatch.entries.pageInfo.hasNextPage)" = true ] || break
  AFTER=$(echo "$PAGE" | jq .data.importBatch.entries.pageInfo.endCursor)
done

echo "== validate"
gql "$TOKEN" 'mutation($id: ID!) { validateImport(id: $id) { batch { id status } jobId errors { code message field } } }' \
  "{\"id\":\"$BATCH\"}" | jq -c .
echo "status $(wait_parsed "$TOKEN" "$BATCH")"

echo "== validate again: a safe retry, no error"
gql "$TOKEN" 'mutation($id: ID!) { validateImport(id: $id) { batch { status } errors { code } } }' \
  "{\"id\":\"$BATCH\"}" | jq -c .
echo "== reject a validated batch: INVALID_STATUS"
gql "$TOKEN" 'mutation($id: ID!) { rejectImport(id: $id) { batch { status } errors { code message field } } }' \
  "{\"id\":\"$BATCH\"}" | jq -c .

echo "== trial balance"
gql "$TOKEN" 'query($c: ID!) { trialBalance(companyId: $c, from: "2026-01-01", to: "2026-12-31") {
  currency totalDebit totalCredit lines { account accountLabel debit credit balance } } }' \
  "{\"c\":\"$COMPANY\"}" | jq -c .

echo "== API key (created by an admin, shown once)"
ADMIN=$(curl -sS "$BASE/graphql" -H 'Content-Type: application/json' \
  -d '{"query":"mutation { login(email: \"admin@demo.ecluse.fr\", password: \"demo\") { token } }"}' |
  jq -r .data.login.token)
CREATED=$(gql "$ADMIN" 'mutation($c: ID!) { createApiKey(companyId: $c, name: "Logiciel de caisse") {
  key apiKey { id prefix } errors { code message } } }' "{\"c\":\"$COMPANY\"}")
echo "$CREATED" | jq -c '.data.createApiKey | {apiKey, errors}'
KEY=$(echo "$CREATED" | jq -r .data.createApiKey.key)

echo "== partner upload with X-Api-Key: $(basename "$BAD")"
UPLOAD=$(upload "X-Api-Key: $KEY" "$COMPANY" "$BAD" "")
echo "$UPLOAD" | jq -c .
BAD_BATCH=$(echo "$UPLOAD" | jq -r .data.uploadImport.batch.id)
STATUS=$(curl -sS "$BASE/graphql" -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' \
  -d "{\"query\":\"{ importBatch(id: \\\"$BAD_BATCH\\\") { status } }\"}" | jq -r .data.importBatch.status)
for _ in $(seq 60); do
  case $STATUS in RECEIVED | PARSING) sleep 0.5 ;; *) break ;; esac
  STATUS=$(curl -sS "$BASE/graphql" -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' \
    -d "{\"query\":\"{ importBatch(id: \\\"$BAD_BATCH\\\") { status } }\"}" | jq -r .data.importBatch.status)
done
echo "status $STATUS"
curl -sS "$BASE/graphql" -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' \
  -d "{\"query\":\"{ importBatch(id: \\\"$BAD_BATCH\\\") { entryCount rejectedEntryCount errorSummary errors(first: 20) { nodes { line column code severity message } } } }\"}" |
  jq -c '.data.importBatch | {entryCount, rejectedEntryCount, errorSummary}, .errors.nodes[]'

echo "== downloads"
echo "-- /files/batches/$BAD_BATCH/errors.csv"
curl -sS -H "X-Api-Key: $KEY" "$BASE/files/batches/$BAD_BATCH/errors.csv"
echo "-- /files/batches/$BAD_BATCH/rejected"
curl -sS -H "X-Api-Key: $KEY" "$BASE/files/batches/$BAD_BATCH/rejected" | cut -c1-100
echo "-- /files/batches/$BAD_BATCH/original: $(curl -sS -H "X-Api-Key: $KEY" "$BASE/files/batches/$BAD_BATCH/original" | wc -c) bytes"

echo "== a partner may not validate: FORBIDDEN"
curl -sS "$BASE/graphql" -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' \
  -d "{\"query\":\"mutation { validateImport(id: \\\"$BAD_BATCH\\\") { errors { code } } }\"}" | jq -c .errors
