package io.dashplane.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** For tests that run the server as a child process: its base URI, read from the line it prints when it listens. */
final class ServerProcesses {
    private static final Pattern LISTENING = Pattern.compile("Dashplane listening on (http://\\S+)");

    private ServerProcesses() {
    }

    static URI awaitListening(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                return URI.create(m.group(1) + "/");
            }
        }
        throw new AssertionError("the server exited without listening");
    }
}
