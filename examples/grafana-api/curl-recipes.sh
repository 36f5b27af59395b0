#!/bin/sh
# Recipes from Grafana's HTTP API documentation (dashboards, folders, search, datasources, alerting
# provisioning), run against Dashplane's Grafana door with curl.
# Usage: GRAFANA_URL=http://127.0.0.1:8080/grafana/default TOKEN=... ./curl-recipes.sh
# Each step prints what it checks; the script stops with exit 1 at the first answer that differs.
set -eu
: "${GRAFANA_URL:?set GRAFANA_URL, e.g. http://127.0.0.1:8080/grafana/default}"
: "${TOKEN:?set TOKEN to a Dashplane API token}"
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# call METHOD PATH [BODY]: prints the status code, leaves the body in $out
call() {
  if [ $# -ge 3 ]; then
    curl -s -o "$out" -w '%{http_code}' -X "$1" "$GRAFANA_URL$2" -H "Authorization: Bearer $TOKEN" \
      -H 'Content-Type: application/json' -H 'Accept: application/json' -d "$3"
  else
    curl -s -o "$out" -w '%{http_code}' -X "$1" "$GRAFANA_URL$2" -H "Authorization: Bearer $TOKEN" \
      -H 'Accept: application/json'
  fi
}

expect() { # expect STEP WANTED_STATUS GOT_STATUS [TEXT_IN_BODY]
  if [ "$3" != "$2" ] || { [ $# -ge 4 ] && ! grep -q "$4" "$out"; }; then
    echo "FAIL $1: status $3 (wanted $2): $(cat "$out")"; exit 1
  fi
  echo "ok   $1"
}

expect "GET /api/health" 200 "$(call GET /api/health)" '"database":"ok"'
expect "POST /api/folders" 200 "$(call POST /api/folders '{"uid": "recipes", "title": "Recipes"}')" '"uid":"recipes"'
expect "POST /api/dashboards/db creates" 200 "$(call POST /api/dashboards/db \
  '{"dashboard": {"id": null, "uid": null, "title": "Production Overview", "tags": ["templated"], "timezone": "browser", "schemaVersion": 16, "refresh": "25s"}, "folderUid": "recipes", "message": "Made changes to xyz", "overwrite": false}')" '"status":"success"'
uid=$(sed 's/.*"uid":"\([^"]*\)".*/\1/' "$out")
expect "GET /api/dashboards/uid/$uid" 200 "$(call GET "/api/dashboards/uid/$uid")" '"folderUid":"recipes"'
expect "the same title again is 412 name-exists" 412 "$(call POST /api/dashboards/db \
  '{"dashboard": {"title": "Production Overview"}, "folderUid": "recipes"}')" '"status":"name-exists"'
expect "a stale version is 412 version-mismatch" 412 "$(call POST /api/dashboards/db \
  "{\"dashboard\": {\"uid\": \"$uid\", \"title\": \"Production Overview\", \"version\": 0}, \"folderUid\": \"recipes\"}")" '"status":"version-mismatch"'
expect "overwrite wins" 200 "$(call POST /api/dashboards/db \
  "{\"dashboard\": {\"uid\": \"$uid\", \"title\": \"Production Overview\"}, \"folderUid\": \"recipes\", \"overwrite\": true}")" '"version":2'
expect "GET /api/search?query=Production" 200 "$(call GET '/api/search?query=Production&type=dash-db')" "\"uid\":\"$uid\""
expect "GET /api/dashboards/uid/$uid/versions" 200 "$(call GET "/api/dashboards/uid/$uid/versions")" '"versions"'
expect "DELETE /api/dashboards/uid/$uid" 200 "$(call DELETE "/api/dashboards/uid/$uid")" '"title":"Production Overview"'
expect "GET a deleted dashboard is 404" 404 "$(call GET "/api/dashboards/uid/$uid")" '"message"'

# Datasources: secrets are write-only
expect "POST /api/datasources" 200 "$(call POST /api/datasources \
  '{"name": "Recipes Prometheus", "uid": "recipes-prom", "type": "prometheus", "access": "proxy", "url": "http://prometheus:9090", "secureJsonData": {"httpHeaderValue1": "Bearer recipe-secret"}}')" '"message":"Datasource added"'
expect "GET /api/datasources/name/..." 200 "$(call GET '/api/datasources/name/Recipes%20Prometheus')" '"httpHeaderValue1":true'
if grep -q recipe-secret "$out"; then echo "FAIL the secret was returned"; exit 1; fi
expect "a taken datasource name is 409" 409 "$(call POST /api/datasources \
  '{"name": "Recipes Prometheus", "type": "prometheus", "url": "http://other:9090"}')" '"message"'

# Alerting provisioning
expect "POST /api/v1/provisioning/contact-points" 202 "$(call POST /api/v1/provisioning/contact-points \
  '{"uid": "recipes-email", "name": "recipes-team", "type": "email", "settings": {"addresses": "team@example.com"}}')" '"uid":"recipes-email"'
expect "PUT /api/v1/provisioning/policies" 202 "$(call PUT /api/v1/provisioning/policies \
  '{"receiver": "recipes-team", "group_by": ["alertname"]}')" '"message"'
expect "GET /api/v1/provisioning/policies" 200 "$(call GET /api/v1/provisioning/policies)" '"receiver":"recipes-team"'
expect "POST /api/v1/provisioning/mute-timings" 201 "$(call POST /api/v1/provisioning/mute-timings \
  '{"name": "recipes-weekends", "time_intervals": [{"weekdays": ["saturday", "sunday"]}]}')" '"name":"recipes-weekends"'
expect "PUT /api/v1/provisioning/templates/recipes" 202 "$(call PUT /api/v1/provisioning/templates/recipes \
  '{"template": "{{ define \"recipes.title\" }}Recipes{{ end }}"}')" '"name":"recipes"'
expect "POST /api/folders (for rules)" 200 "$(call POST /api/folders '{"uid": "recipes-rules", "title": "Recipes rules"}')" '"uid"'
expect "POST /api/v1/provisioning/alert-rules" 201 "$(call POST /api/v1/provisioning/alert-rules \
  '{"uid": "recipes-rule", "title": "Recipes rule", "folderUID": "recipes-rules", "ruleGroup": "recipes", "condition": "C", "for": "5m", "noDataState": "OK", "execErrState": "Error", "data": [{"refId": "A", "relativeTimeRange": {"from": 600, "to": 0}, "datasourceUid": "recipes-prom", "model": {"refId": "A", "expr": "up", "instant": true}}, {"refId": "C", "datasourceUid": "__expr__", "model": {"refId": "C", "type": "threshold", "expression": "A", "conditions": [{"evaluator": {"type": "lt", "params": [1]}}]}}]}')" '"provenance":"api"'
expect "GET /api/v1/provisioning/folder/recipes-rules/rule-groups/recipes" 200 \
  "$(call GET /api/v1/provisioning/folder/recipes-rules/rule-groups/recipes)" '"interval":60'
expect "DELETE /api/v1/provisioning/alert-rules/recipes-rule" 204 "$(call DELETE /api/v1/provisioning/alert-rules/recipes-rule)"
expect "DELETE /api/folders/recipes" 200 "$(call DELETE /api/folders/recipes)" '"message"'
echo "all recipes answered as Grafana documents"
