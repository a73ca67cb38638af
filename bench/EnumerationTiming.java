import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Measures whether a client can tell a known address from an unknown one by how long registration,
 * login, password reset and confirmation resend take. For each endpoint it alternates a request
 * about a known address with one about an unknown address (so drift in the machine's load hits
 * both alike), checks that each pair got identical answers, and prints the medians as a Markdown
 * table. Exits with 1 when any pair of answers differs, so a script can trust the figures.
 * Registration and login hash a password and take tens of milliseconds; reset and resend take a
 * few, so they get four times the rounds for a median as steady.
 *
 *   java bench/EnumerationTiming.java BASE_URL [rounds] [warm-up rounds]
 */
public final class EnumerationTiming {

    private static final String PASSWORD = "Xq7!vLp2#Rt9";
    private static final String KNOWN = "known@example.com";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private EnumerationTiming(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java bench/EnumerationTiming.java BASE_URL [rounds] [warm-up rounds]");
            System.exit(2);
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        var bench = new EnumerationTiming(args[0]);
        bench.post("/auth/registration/", registration(KNOWN)); // the known, still unconfirmed, account

        var rows = new ArrayList<String>();
        boolean identical = true;
        for (var endpoint : List.of(
                new Endpoint("registration/", "taken address", "new address",
                        i -> registration(KNOWN), i -> registration("new-" + i + "-" + System.nanoTime() + "@example.com"), 1),
                new Endpoint("login/", "known address, wrong password", "unknown address",
                        i -> login(KNOWN, "Wrong-" + PASSWORD), i -> login("nobody-" + i + "@example.com", "Wrong-" + PASSWORD), 1),
                new Endpoint("password/reset/", "known address", "unknown address",
                        i -> email(KNOWN), i -> email("nobody-" + i + "@example.com"), 4),
                new Endpoint("registration/resend-email/", "known, unconfirmed address", "unknown address",
                        i -> email(KNOWN), i -> email("nobody-" + i + "@example.com"), 4))) {
            Result result = bench.measure(endpoint, rounds * endpoint.roundsFactor(), warmUp * endpoint.roundsFactor());
            identical &= result.identicalAnswers();
            rows.add(result.row());
        }
        System.out.println("| endpoint | known | unknown | requests each | median known | median unknown | difference | answers |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.exit(identical ? 0 : 1);
    }

    record Endpoint(String path, String knownCase, String unknownCase, IntFunction<String> known,
            IntFunction<String> unknown, int roundsFactor) {}

    record Result(Endpoint endpoint, int rounds, double knownMedian, double unknownMedian, int differingAnswers) {

        boolean identicalAnswers() {
            return differingAnswers == 0;
        }

        String row() {
            double difference = 100 * Math.abs(knownMedian - unknownMedian) / Math.min(knownMedian, unknownMedian);
            return String.format(Locale.ROOT, "| POST /auth/%s | %s | %s | %d | %.2f ms | %.2f ms | %.1f %% | %s |",
                    endpoint.path(), endpoint.knownCase(), endpoint.unknownCase(), rounds, knownMedian, unknownMedian,
                    difference, identicalAnswers() ? "identical" : differingAnswers + " differ");
        }
    }

    private Result measure(Endpoint endpoint, int rounds, int warmUp) throws Exception {
        String path = "/auth/" + endpoint.path();
        for (int i = 0; i < warmUp; i++) {
            post(path, endpoint.known().apply(-i - 1));
            post(path, endpoint.unknown().apply(-i - 1));
        }
        double[] known = new double[rounds];
        double[] unknown = new double[rounds];
        int differing = 0;
        for (int i = 0; i < rounds; i++) {
            // Which case goes first alternates too, so neither profits from the other's warm caches.
            boolean knownFirst = i % 2 == 0;
            Timed a = timed(path, knownFirst ? endpoint.known().apply(i) : endpoint.unknown().apply(i));
            Timed b = timed(path, knownFirst ? endpoint.unknown().apply(i) : endpoint.known().apply(i));
            known[i] = (knownFirst ? a : b).millis();
            unknown[i] = (knownFirst ? b : a).millis();
            if (!a.answer().equals(b.answer())) {
                differing++;
                if (differing == 1) {
                    System.err.println(path + ": answers differ:\n  " + a.answer() + "\n  " + b.answer());
                }
            }
        }
        return new Result(endpoint, rounds, median(known), median(unknown), differing);
    }

    record Timed(double millis, String answer) {}

    private Timed timed(String path, String json) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = post(path, json);
        double millis = (System.nanoTime() - start) / 1e6;
        return new Timed(millis, response.statusCode() + " " + response.body());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String registration(String email) {
        return "{\"email\":\"" + email + "\",\"password1\":\"" + PASSWORD + "\",\"password2\":\"" + PASSWORD + "\"}";
    }

    private static String login(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    private static String email(String email) {
        return "{\"email\":\"" + email + "\"}";
    }
}
