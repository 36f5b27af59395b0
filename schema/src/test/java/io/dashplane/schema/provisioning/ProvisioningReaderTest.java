package io.dashplane.schema.provisioning;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvisioningReaderTest {
    @Test
    void readsGrafanasDatasourceFileWithEnvironmentExtension() throws Exception {
        DatasourcesFile file = ProvisioningReader.readDatasources("ds.yaml", """
                apiVersion: 1
                environment: prod
                prune: true
                deleteDatasources:
                  - name: Old
                    orgId: 1
                datasources:
                  - name: Prometheus
                    type: prometheus
                    uid: prom
                    orgId: 1
                    access: proxy
                    url: http://prom:$PORT
                    basicAuth: true
                    basicAuthUser: admin
                    isDefault: true
                    editable: false
                    version: 2
                    jsonData:
                      httpMethod: POST
                    secureJsonData:
                      basicAuthPassword: ${SECRET}
                """, Map.of("PORT", "9090", "SECRET", "s3cret"));
        assertEquals("prod", file.environment());
        assertEquals(true, file.prune());
        assertEquals("Old", file.deleteDatasources().get(0).name());
        ProvisionedDatasource ds = file.datasources().get(0);
        assertEquals("http://prom:9090", ds.url());
        assertEquals("s3cret", ds.secureJsonData().get("basicAuthPassword"));
        assertEquals("POST", ds.jsonData().get("httpMethod").asText());
        assertEquals(2, ds.version());
        assertEquals(false, ds.editable());
    }

    @Test
    void readsDashboardProviders() throws Exception {
        DashboardsFile file = ProvisioningReader.readDashboards("p.yaml", """
                apiVersion: 1
                providers:
                  - name: ml
                    orgId: 1
                    folder: ML
                    folderUid: ml
                    type: file
                    disableDeletion: true
                    updateIntervalSeconds: 30
                    allowUiUpdates: false
                    options:
                      path: dashboards/ml
                      foldersFromFilesStructure: false
                """, Map.of());
        assertNull(file.environment());
        DashboardProvider provider = file.providers().get(0);
        assertEquals("dashboards/ml", provider.options().path());
        assertEquals(30, provider.updateIntervalSeconds());
        assertEquals("ml", provider.folderUid());
    }

    @Test
    void unknownKeyIsRejectedWithItsLine() {
        ProvisioningParseException e = assertThrows(ProvisioningParseException.class,
                () -> ProvisioningReader.readDatasources("ds.yaml", """
                        apiVersion: 1
                        datasources:
                          - name: Prometheus
                            type: prometheus
                            urll: http://x
                        """, Map.of()));
        assertEquals(5, e.finding().line());
        assertTrue(e.getMessage().startsWith("ds.yaml:5: unknown key 'urll' in /datasources/0 (known keys: "), e.getMessage());
    }

    @Test
    void malformedYamlReportsFileAndLine() {
        ProvisioningParseException e = assertThrows(ProvisioningParseException.class,
                () -> ProvisioningReader.readDashboards("dash.yaml", """
                        apiVersion: 1
                        providers:
                          - name: a
                            options: {path: x
                          - name: b
                        """, Map.of()));
        assertTrue(e.getMessage().startsWith("dash.yaml:"), e.getMessage());
        assertTrue(e.finding().line() >= 4, e.getMessage());
        assertTrue(e.getMessage().contains("malformed YAML"), e.getMessage());
    }

    @Test
    void badIndentationIsReportedAtTheOffendingLine() {
        ProvisioningParseException e = assertThrows(ProvisioningParseException.class,
                () -> ProvisioningReader.readDashboards("dash.yaml", "apiVersion: 1\nproviders:\n  - name: a\n   bad: indent\n", Map.of()));
        assertEquals("dash.yaml:4: malformed YAML: while parsing a block collection: expected <block end>, but found '<block mapping start>'",
                e.getMessage());
    }

    @Test
    void wrongTypesAndDuplicateKeysAreRejected() {
        ProvisioningParseException type = assertThrows(ProvisioningParseException.class,
                () -> ProvisioningReader.readDatasources("ds.yaml", "apiVersion: 1\ndatasources:\n  - name: a\n    isDefault: {x: 1}\n", Map.of()));
        assertEquals("ds.yaml:4: /datasources/0/isDefault must be true or false", type.getMessage());
        ProvisioningParseException dup = assertThrows(ProvisioningParseException.class,
                () -> ProvisioningReader.readDatasources("ds.yaml", "apiVersion: 1\napiVersion: 1\n", Map.of()));
        assertEquals(2, dup.finding().line());
    }

    @Test
    void alertingFilesMayNameAnEnvironment() throws Exception {
        AlertingFile file = ProvisioningReader.readAlerting("a.yaml", """
                apiVersion: 1
                environment: ${ENV}
                templates:
                  - orgId: 1
                    name: t
                    template: '{{ define "t" }}x{{ end }}'
                """, Map.of("ENV", "prod"));
        assertEquals("prod", file.environment());
        assertEquals("t", file.content().templates().get(0).name());
        assertThrows(ProvisioningParseException.class, () -> ProvisioningReader.readAlerting("a.yaml",
                "apiVersion: 1\ntemplates:\n  - name: t\n    environment: x\n", Map.of()));
    }

    @Test
    void emptyFileIsEmpty() throws Exception {
        assertTrue(ProvisioningReader.readDatasources("e.yaml", "\n", Map.of()).datasources().isEmpty());
    }
}
