// Package newsgraph.neo4jtest is test tooling, not part of the product: a
// Neo4j Community DBMS embedded in this JVM, with Bolt on a loopback port,
// for the tests that need a real Neo4j (.ci/neo4j.sh starts and stops it).
package newsgraph.neo4jtest;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs Neo4j until SIGTERM (or SIGINT). Settings come from the environment:
 * NEO4J_PASSWORD (required, 8 or more characters), NEO4J_USER (default
 * neo4j), NEO4JTEST_PORT (default 0: any free port), NEO4JTEST_PAGECACHE
 * (default 256m). Data lives in a new temporary folder, deleted on stop.
 *
 * <p>Prints one line "ready 127.0.0.1:PORT" once a Bolt handshake on that
 * port succeeds with the password already set, so that a client which waits
 * for the line never meets the default credentials.
 */
public final class Main {
    private static final String HOST = "127.0.0.1";

    private Main() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        String user = env.getOrDefault("NEO4J_USER", "neo4j");
        String password = env.getOrDefault("NEO4J_PASSWORD", "");
        if (password.length() < 8) {
            fail("NEO4J_PASSWORD must be set to 8 or more characters");
        }
        int port = Integer.parseInt(env.getOrDefault("NEO4JTEST_PORT", "0"));
        if (port == 0) {
            port = freePort();
        }
        Path home = Files.createTempDirectory("neo4jtest-");

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                // The routing table a neo4j:// driver asks for names this
                // address; the default would be localhost:7687.
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory,
                        parseBytes(env.getOrDefault("NEO4JTEST_PAGECACHE", "256m")))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dbms.shutdown();
                deleteTree(home);
                System.out.println("stopped");
            } finally {
                stopped.countDown();
            }
        }, "neo4jtest-stop"));

        setCredentials(dbms, user, password);
        awaitBolt(port);
        System.out.println("ready " + HOST + ":" + port);
        System.out.flush();
        stopped.await();
    }

    /**
     * Replaces the default neo4j/neo4j login (which must change its password
     * before anything else) by the given one, in the system database.
     */
    private static void setCredentials(DatabaseManagementService dbms, String user, String password) {
        var system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        Map<String, Object> params = Map.of("user", user, "password", password);
        if (user.equals("neo4j")) {
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", params);
        } else {
            system.executeTransactionally("CREATE USER $user SET PASSWORD $password CHANGE NOT REQUIRED", params);
        }
    }

    /**
     * Waits until the port answers a Bolt handshake (the magic preamble and
     * four proposed versions) with a version, for at most 60 seconds.
     */
    private static void awaitBolt(int port) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 1000);
                s.setSoTimeout(5000);
                OutputStream out = s.getOutputStream();
                out.write(new byte[] {
                    0x60, 0x60, (byte) 0xB0, 0x17, // preamble
                    0, 0, 4, 5, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0 // 5.4 down to 5.0, then 4.x
                });
                out.flush();
                int version = new DataInputStream(s.getInputStream()).readInt();
                if (version != 0) {
                    return;
                }
                last = new IOException("Bolt handshake refused every version offered");
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(200);
        }
        fail("Bolt did not answer on " + HOST + ":" + port + ": " + last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        }
    }

    /** Parses sizes such as 256m, 1g or a plain number of bytes. */
    private static long parseBytes(String s) {
        String t = s.trim().toLowerCase();
        long unit = 1;
        switch (t.charAt(t.length() - 1)) {
            case 'k' -> unit = 1L << 10;
            case 'm' -> unit = 1L << 20;
            case 'g' -> unit = 1L << 30;
            default -> {
                return Long.parseLong(t);
            }
        }
        return Long.parseLong(t.substring(0, t.length() - 1)) * unit;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("neo4jtest: could not delete " + root + ": " + e);
        }
    }

    private static void fail(String message) {
        System.err.println("neo4jtest: " + message);
        System.exit(2);
    }
}
