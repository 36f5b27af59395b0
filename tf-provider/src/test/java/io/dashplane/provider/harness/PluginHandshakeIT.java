package io.dashplane.provider.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.provider.plugin.HandshakeLine;
import io.dashplane.provider.plugin.PluginClientChannels;
import io.dashplane.provider.plugin.SelfSignedCertificate;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The go-plugin handshake of the built executable, driven the way Terraform drives it. */
class PluginHandshakeIT {
    private static final Duration EXIT_WAIT = Duration.ofSeconds(20);

    @ParameterizedTest(name = "PLUGIN_PROTOCOL_VERSIONS={0} -> {1}")
    @CsvSource(delimiter = ';', value = {"5;5", "6;6", "5,6;6", "6,5;6", "4,5;5", "7,6,5;6"})
    void choosesTheHighestOfferedVersionServesHealthAndExitsOnShutdown(String offered, int expected) throws Exception {
        try (PluginProcess plugin = PluginProcess.start(PluginProcess.testExecutable(), offered, Map.of())) {
            assertEquals(expected, plugin.handshake().protocolVersion());
            assertNotNull(plugin.handshake().serverCertificate(), "AutoMTLS: the line carries the server certificate");
            assertTrue(plugin.handshake().serverCertificate().getSubjectAlternativeNames().toString().contains("localhost"));
            assertEquals(ServingStatus.SERVING, plugin.health());

            plugin.shutdown();
            assertEquals(0, plugin.awaitExit(EXIT_WAIT), "the plugin exits after GRPCController/Shutdown");
            assertEquals("", plugin.stdoutAfterHandshake(), "stdout carries exactly one line");
        }
    }

    @Test
    void withoutTheMagicCookieItRefusesToRunAndSaysWhy() throws Exception {
        Process process = new ProcessBuilder(PluginProcess.testExecutable().toString()).start();
        var stdout = PluginProcess.drain(process.getInputStream());
        var stderr = PluginProcess.drain(process.getErrorStream());
        assertTrue(process.waitFor(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(1, process.exitValue());
        assertEquals("", stdout.join());
        assertTrue(stderr.join().contains("plugin"), stderr.join());
    }

    @Test
    void aClientWithoutTheRightCertificateIsRejected() throws Exception {
        try (PluginProcess plugin = PluginProcess.start(PluginProcess.testExecutable())) {
            HandshakeLine line = plugin.handshake();
            SelfSignedCertificate stranger = SelfSignedCertificate.generate(SelfSignedCertificate.TERRAFORM_CLIENT_CURVE);
            for (SelfSignedCertificate clientCert : new SelfSignedCertificate[] {stranger, null}) {
                ManagedChannel channel = PluginClientChannels.connect(line, clientCert);
                try {
                    assertThrows(StatusRuntimeException.class, () -> HealthGrpc.newBlockingStub(channel)
                            .withDeadlineAfter(20, TimeUnit.SECONDS)
                            .check(HealthCheckRequest.newBuilder().setService("plugin").build()));
                } finally {
                    channel.shutdownNow();
                }
            }
            ManagedChannel plaintext = NettyChannelBuilder.forAddress(line.host(), line.port()).usePlaintext().build();
            try {
                assertThrows(StatusRuntimeException.class, () -> HealthGrpc.newBlockingStub(plaintext)
                        .withDeadlineAfter(20, TimeUnit.SECONDS)
                        .check(HealthCheckRequest.newBuilder().setService("plugin").build()));
            } finally {
                plaintext.shutdownNow();
            }
            assertEquals(ServingStatus.SERVING, plugin.health(), "the right certificate still works");
        }
    }

    @Test
    void sigintIsIgnored() throws Exception {
        try (PluginProcess plugin = PluginProcess.start(PluginProcess.testExecutable())) {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(plugin.process().pid())).start();
            assertEquals(0, kill.waitFor());
            // A JVM that does not ignore SIGINT exits within milliseconds; give it ample time to do so.
            assertEquals(null, plugin.awaitExit(Duration.ofSeconds(2)), "still running after SIGINT");
            assertEquals(ServingStatus.SERVING, plugin.health());
            assertEquals(ServingStatus.SERVING, plugin.health());
            assertTrue(plugin.process().isAlive());
        }
    }

    @Test
    void withTlsDisabledItServesPlaintextAndPrintsAnEmptyCertificateField() throws Exception {
        SelfSignedCertificate clientCert = SelfSignedCertificate.generate(SelfSignedCertificate.TERRAFORM_CLIENT_CURVE);
        Map<String, String> env = new HashMap<>(PluginProcess.terraformEnvironment("6,5", clientCert));
        env.put("TF_DISABLE_PLUGIN_TLS", "1");
        ProcessBuilder pb = new ProcessBuilder(PluginProcess.testExecutable().toString());
        pb.environment().putAll(env);
        Process process = pb.start();
        try {
            PluginProcess.drain(process.getErrorStream());
            String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertTrue(line.endsWith("|grpc|"), line);
            HandshakeLine parsed = HandshakeLine.parse(line);
            ManagedChannel channel = PluginClientChannels.connect(parsed, null);
            try {
                assertEquals(ServingStatus.SERVING, HealthGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS)
                        .check(HealthCheckRequest.newBuilder().setService("plugin").build()).getStatus());
            } finally {
                channel.shutdownNow();
            }
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void debugModePrintsAReattachConfigurationForAPlaintextServer() throws Exception {
        Process process = new ProcessBuilder(PluginProcess.testExecutable().toString(), "--debug").start();
        try {
            PluginProcess.drain(process.getErrorStream());
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String reattach = null;
            while (reattach == null) {
                String line = out.readLine();
                if (line == null) {
                    break;
                }
                int at = line.indexOf("TF_REATTACH_PROVIDERS='");
                if (at >= 0) {
                    reattach = line.substring(at + "TF_REATTACH_PROVIDERS='".length(), line.lastIndexOf('\''));
                }
            }
            assertNotNull(reattach, "a TF_REATTACH_PROVIDERS line");
            JsonNode config = new ObjectMapper().readTree(reattach).get("registry.terraform.io/dashplane/dashplane");
            assertEquals("grpc", config.get("Protocol").asText());
            assertEquals(6, config.get("ProtocolVersion").asInt());
            assertEquals(process.pid(), config.get("Pid").asLong());
            assertTrue(config.get("Test").asBoolean());
            assertEquals("tcp", config.get("Addr").get("Network").asText());
            String[] address = config.get("Addr").get("String").asText().split(":");
            assertEquals("127.0.0.1", address[0]);
            ManagedChannel channel = NettyChannelBuilder.forAddress(address[0], Integer.parseInt(address[1]))
                    .usePlaintext().build();
            try {
                assertEquals(ServingStatus.SERVING, HealthGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS)
                        .check(HealthCheckRequest.newBuilder().setService("plugin").build()).getStatus());
            } finally {
                channel.shutdownNow();
            }
        } finally {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
