package io.dashplane.provider.resources;

import io.dashplane.provider.DashplaneProvider;
import io.dashplane.provider.client.ClientConfig;
import io.dashplane.provider.client.DashplaneClient;
import io.dashplane.provider.cty.CtyMsgpack;
import io.dashplane.provider.framework.DataSource;
import io.dashplane.provider.framework.Diagnostics;
import io.dashplane.provider.framework.FrameworkProvider;
import io.dashplane.provider.framework.ProviderDefinition;
import io.dashplane.provider.framework.Resource;
import io.dashplane.provider.framework.Schema;
import io.dashplane.provider.framework.Values;
import io.dashplane.provider.protocol.ConfigureProviderRequest;
import io.dashplane.provider.protocol.ReadResourceRequest;
import io.dashplane.provider.protocol.ReadResourceResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** StopProvider ends an HTTP request to a server that accepted the connection and never answers. */
class StopCancelsHttpTest {
    @Test
    void stopInterruptsAHangingRead() throws Exception {
        try (ServerSocket hanging = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(hanging.accept());
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "http://127.0.0.1:" + hanging.getLocalPort();
            DashplaneClient client = new DashplaneClient(ClientConfig.of(url).withRetries(0).withTimeout(Duration.ofMinutes(10)));
            DashplaneProvider dashplane = new DashplaneProvider(java.util.Map.of());
            FrameworkProvider<ProviderData> provider = new FrameworkProvider<>(new ProviderDefinition<>() {
                @Override
                public Schema schema() {
                    return dashplane.schema();
                }

                @Override
                public ProviderData configure(Values config, Diagnostics diagnostics) {
                    return new ProviderData(client, "default");
                }

                @Override
                public List<Resource<ProviderData>> resources() {
                    return dashplane.resources();
                }

                @Override
                public List<DataSource<ProviderData>> dataSources() {
                    return dashplane.dataSources();
                }
            });
            Schema providerSchema = dashplane.schema();
            provider.configureProvider(new ConfigureProviderRequest("1.9.0",
                    CtyMsgpack.encode(Values.empty(providerSchema.objectType()).toCty(), providerSchema.objectType())));

            Schema folderSchema = new FolderResource().schema();
            Values state = Values.empty(folderSchema.objectType()).with("uid", "ml").with("title", "ML")
                    .with("environment", "default").with("id", "default/ml").with("version", 1L);
            AtomicReference<ReadResourceResponse> response = new AtomicReference<>();
            Thread caller = new Thread(() -> response.set(provider.readResource(new ReadResourceRequest("dashplane_folder",
                    CtyMsgpack.encode(state.toCty(), folderSchema.objectType()), null, null))));
            caller.start();
            while (accepted.isEmpty() && caller.isAlive()) {
                Thread.sleep(10);
            }
            provider.stopProvider();
            caller.join(60_000);
            assertFalse(caller.isAlive(), "the read must end once Stop is called");
            assertTrue(TerraformCalls.hasErrors(response.get().diagnostics()), response.get().diagnostics().toString());
            assertTrue(response.get().diagnostics().get(0).detail().contains("interrupted"), response.get().diagnostics().toString());
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
