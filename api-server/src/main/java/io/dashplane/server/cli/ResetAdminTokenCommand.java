package io.dashplane.server.cli;

import io.dashplane.server.auth.ApiToken;
import io.dashplane.server.auth.CreatedToken;
import io.dashplane.server.auth.ServiceAccount;
import io.dashplane.server.auth.ServiceAccountRepository;
import io.dashplane.server.auth.ServiceAccountRequest;
import io.dashplane.server.auth.ServiceAccountService;
import io.dashplane.server.auth.TokenRequest;
import io.dashplane.server.environment.EnvironmentRepository;
import io.dashplane.server.storage.DataDirLock;
import io.dashplane.server.storage.Database;
import io.dashplane.server.storage.ExpectedVersion;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reset-admin-token --data-dir DIR [--account NAME] [--keep-tokens]}: the way back in when no
 * server-admin token is known. Offline (refused while a server holds the data directory): whoever can
 * write the data directory already controls the server. Prints the new token alone on stdout, once.
 */
@Command(name = "reset-admin-token", mixinStandardHelpOptions = true,
        description = {"Issue a new token for a server admin (default: the account 'admin', created or made server "
                + "admin when needed) and print it once on stdout. The account's other tokens are revoked unless "
                + "--keep-tokens is given.",
                "Offline: refused while a server runs on the data directory."})
public final class ResetAdminTokenCommand implements Callable<Integer> {
    private static final String NAME_PATTERN = "[A-Za-z0-9_.@-]{1,190}";

    @Option(names = "--data-dir", required = true, description = "Data directory.")
    Path dataDir;

    @Option(names = "--account", paramLabel = "NAME", description = "Service account (default: ${DEFAULT-VALUE}).")
    String account = ServiceAccountService.BOOTSTRAP_ACCOUNT;

    @Option(names = "--keep-tokens", description = "Do not revoke the account's other tokens.")
    boolean keepTokens;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!account.matches(NAME_PATTERN)) {
                err.println("dashplane: --account must be 1-190 characters of [A-Za-z0-9_.@-]");
                return 2;
            }
            try (DataDirLock lock = OfflineCommands.lock(dataDir, err)) {
                if (lock == null) {
                    return 1;
                }
                if (!Files.exists(dataDir.resolve(Database.FILE_NAME))) {
                    err.println("dashplane: no database in " + dataDir);
                    return 2;
                }
                try (Database db = Database.open(dataDir)) {
                    return reset(db, out, err);
                } catch (RuntimeException e) {
                    err.println("dashplane: reset-admin-token failed: " + e.getMessage());
                    return 1;
                }
            }
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int reset(Database db, PrintWriter out, PrintWriter err) {
        ServiceAccountRepository repository = new ServiceAccountRepository();
        ServiceAccountService accounts = new ServiceAccountService(db, repository, new EnvironmentRepository(),
                Clock.systemUTC());
        ServiceAccount a = db.read(tx -> repository.findByName(tx, account)).orElse(null);
        if (a == null) {
            a = accounts.create(new ServiceAccountRequest(account, "created by reset-admin-token", true, Map.of()));
            err.println("created the server admin '" + account + "'");
        } else if (!a.serverAdmin()) {
            a = accounts.update(a.id(), new ServiceAccountRequest(a.name(), a.description(), true, a.roles()),
                    ExpectedVersion.exactly(a.version())).value();
            err.println("made '" + account + "' a server admin");
        }
        int revoked = 0;
        if (!keepTokens) {
            List<ApiToken> active = accounts.tokens(a.id()).stream().filter(t -> t.revokedAt() == null).toList();
            for (ApiToken t : active) {
                accounts.revokeToken(a.id(), t.id());
                revoked++;
            }
        }
        CreatedToken created = accounts.createToken(a.id(), new TokenRequest("reset-admin-token", null, null));
        err.println("new token for the server admin '" + account + "' (shown only now)"
                + (keepTokens ? "" : "; revoked " + revoked + " earlier token(s) of this account"));
        out.println(created.token());
        return 0;
    }
}
