package dev.softdelete.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.testing.IsolatedDatabase;
import dev.softdelete.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Spring catalogue sample started as Boot starts it (every auto-configuration on the class
 * path, a real web server on a random port), driven over HTTP with the JDK's client. Each subclass
 * opens its database in a {@code @DynamicPropertySource} method calling {@link #open}; the
 * application's Flyway migrations create and seed the catalogue there.
 */
@SpringBootTest(classes = CatalogueApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
public abstract class CatalogueApplicationContract {

    private static final Map<TestDatabase, IsolatedDatabase> OPEN = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Value("${local.server.port}")
    int port;

    /** The database this class runs on. */
    protected abstract TestDatabase database();

    /** Creates the class's (empty) database and points {@code spring.datasource} at it. */
    protected static void open(TestDatabase database, DynamicPropertyRegistry registry) {
        IsolatedDatabase db = OPEN.computeIfAbsent(database, TestDatabase::create);
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    @AfterAll
    void dropDatabase() {
        IsolatedDatabase db = OPEN.remove(database());
        if (db != null) {
            db.close();
        }
    }

    private IsolatedDatabase db() {
        return OPEN.get(database());
    }

    @Test
    void deleteIsSoftHidesTheProductAndListsItAsDeletedByTheActor() throws Exception {
        assertThat(call("GET", "/products/2").status()).isEqualTo(200);
        assertThat(call("DELETE", "/products/2").status()).isEqualTo(204);

        assertThat(call("GET", "/products/2").status()).as("hidden once deleted").isEqualTo(404);
        assertThat(ids(call("GET", "/products").body())).doesNotContain(2L).contains(1L, 3L);
        Response deleted = call("GET", "/products/deleted?page=0&size=50");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("entity").asString()).isEqualTo("CatalogueProduct");
        JsonNode item = find(deleted.body().get("items"), 2);
        assertThat(item.get("deletedBy").asString()).isEqualTo("alice");
        assertThat(item.get("deletedAt").asString()).isNotBlank();
        assertThat(db().queryLong("SELECT COUNT(*) FROM products WHERE id = 2 AND deleted_at IS NOT NULL"
                + " AND deleted_by = 'alice'")).as("the row stays, marked").isEqualTo(1);
        assertThat(db().queryLong("SELECT COUNT(*) FROM product_attributes WHERE product_id = 2 AND deleted_at IS NOT NULL")
                + db().queryLong("SELECT COUNT(*) FROM product_assets WHERE product_id = 2 AND deleted_at IS NOT NULL"))
                .as("its attribute and asset link follow by cascade").isEqualTo(2);
    }

    @Test
    void restoreBringsBackTheProductAndExactlyWhatItsDeletionTook() throws Exception {
        assertThat(call("DELETE", "/products/4").status()).isEqualTo(204);

        Response restored = call("POST", "/products/4/restore");
        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.body().get("restoredChildren").asInt()).isEqualTo(2);
        assertThat(call("GET", "/products/4").status()).isEqualTo(200);
        assertThat(db().queryLong("SELECT COUNT(*) FROM product_attributes WHERE product_id = 4 AND deleted_at IS NULL"))
                .isEqualTo(1);
        assertThat(ids(call("GET", "/products/deleted?size=50").body().get("items"))).doesNotContain(4L);
    }

    @Test
    void restoreRefusedWith409AndTheLibrarysMessageWhenTheSkuIsTakenAgain() throws Exception {
        assertThat(call("DELETE", "/products/6").status()).isEqualTo(204);
        db().execute("INSERT INTO products (id, sku, name, updated_at) VALUES (21, 'SKU-006', 'Product 6 (new)',"
                + " TIMESTAMP '2026-11-22 09:00:00')");

        Response conflict = call("POST", "/products/6/restore");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.body().get("detail").asString())
                .startsWith("Cannot restore CatalogueProduct 6: unique constraint")
                .contains("already taken by active row 21").contains("Nothing was restored");
        assertThat(conflict.body().get("conflictingId").asLong()).isEqualTo(21);
        assertThat(call("GET", "/products/6").status()).as("still deleted").isEqualTo(404);
    }

    @Test
    void restoreOfAnActiveProductIs409AndOfAnUnknownOne404() throws Exception {
        Response active = call("POST", "/products/1/restore");
        assertThat(active.status()).isEqualTo(409);
        assertThat(active.body().get("detail").asString()).contains("it is not deleted");
        Response unknown = call("POST", "/products/999/restore");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("detail").asString()).contains("no such row exists");
        assertThat(call("DELETE", "/products/999").status()).isEqualTo(404);
    }

    @Test
    void permanentDeleteRemovesTheProductAndItsChildrenForGoodAndIsAudited() throws Exception {
        assertThat(call("DELETE", "/products/8").status()).isEqualTo(204);
        String hardDeletes = "SELECT COUNT(*) FROM sd_audit_log WHERE action = 'HARD_DELETE' AND actor = 'alice'";
        long audited = db().queryLong(hardDeletes);

        Response removed = call("DELETE", "/products/8/permanent");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body().get("rowsRemoved").asInt()).as("product, attribute, asset link").isEqualTo(3);
        assertThat(db().queryLong("SELECT COUNT(*) FROM products WHERE id = 8")
                + db().queryLong("SELECT COUNT(*) FROM product_attributes WHERE product_id = 8")
                + db().queryLong("SELECT COUNT(*) FROM product_assets WHERE product_id = 8")).isZero();
        assertThat(db().queryLong(hardDeletes)).as("one audit entry, by the request's actor").isEqualTo(audited + 1);
        assertThat(call("POST", "/products/8/restore").status()).as("a purged row cannot be restored").isEqualTo(404);
        assertThat(call("DELETE", "/products/9/permanent").status()).as("an active one may go too").isEqualTo(200);
    }

    @Test
    void assetsHaveTheSameLifecycle() throws Exception {
        assertThat(call("DELETE", "/assets/10").status()).isEqualTo(204);
        assertThat(call("GET", "/assets/10").status()).isEqualTo(404);
        assertThat(db().queryLong("SELECT COUNT(*) FROM product_assets WHERE asset_id = 10 AND deleted_at IS NOT NULL"))
                .as("its product link follows").isEqualTo(1);
        assertThat(find(call("GET", "/assets/deleted").body().get("items"), 10).get("deletedBy").asString())
                .isEqualTo("alice");

        db().execute("INSERT INTO assets (id, url) VALUES (30, 'https://cdn.example.com/p10.jpg')");
        Response conflict = call("POST", "/assets/10/restore");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body().get("detail").asString()).startsWith("Cannot restore CatalogueAsset 10: unique constraint");

        assertThat(call("DELETE", "/assets/30").status()).isEqualTo(204);
        Response restored = call("POST", "/assets/10/restore");
        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.body().get("restoredChildren").asInt()).isEqualTo(1);
        assertThat(call("GET", "/assets/10").status()).isEqualTo(200);

        Response removed = call("DELETE", "/assets/12/permanent");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body().get("rowsRemoved").asInt()).as("asset and its link").isEqualTo(2);
        assertThat(db().queryLong("SELECT COUNT(*) FROM product_assets WHERE asset_id = 12")).isZero();
    }

    @Test
    void theActuatorShowsTheSoftDeleteEndpointAndHealth() throws Exception {
        Response endpoint = call("GET", "/actuator/softdelete");
        assertThat(endpoint.status()).isEqualTo(200);
        assertThat(endpoint.body().has("runs")).isTrue();
        assertThat(endpoint.body().get("cleanup").get("jobs").has("QUEUED")).isTrue();
        // The setup check of every @SoftDeletable table: the catalogue's migrations are right.
        JsonNode tables = endpoint.body().get("tables");
        List<String> names = new ArrayList<>();
        tables.forEach(t -> {
            names.add(t.get("table").asString().toLowerCase(java.util.Locale.ROOT));
            assertThat(t.get("problems").isEmpty()).as(t.toString()).isTrue();
            assertThat(t.get("warnings").isEmpty()).as(t.toString()).isTrue();
            assertThat(t.get("markerIndexes").size()).as(t.toString()).isEqualTo(1);
        });
        assertThat(names).containsExactlyInAnyOrder("users", "products", "assets", "product_assets", "product_attributes");
        JsonNode products = tables.valueStream().filter(t -> t.get("table").asString().equalsIgnoreCase("products"))
                .findFirst().orElseThrow();
        assertThat(products.get("uniqueKeys").get(0).get("coverage").asString()).isEqualTo("ACTIVE_ROWS");
        assertThat(products.get("activeRows").asLong() + products.get("deletedRows").asLong()).isPositive();
        Response health = call("GET", "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("components").get("softDelete").get("status").asString()).isEqualTo("UP");
    }

    // ---------------------------------------------------------------------------------------------

    /** A response: its status, content type and JSON body ({@code null} when empty). */
    record Response(int status, String contentType, JsonNode body) {
    }

    /** Calls the application as {@code alice} with a JSON body. */
    Response call(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header(CatalogueApplication.ACTOR_HEADER, "alice")
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
    }

    /**
     * An operator drives a run end to end through the Actuator endpoint, as Boot exposes it: a
     * preview from a rule-set document, apply by the preview's id (a background run, returned at
     * once and applied by the application's run worker), progress until it completed, then undo.
     */
    @Test
    void anOperatorPreviewsAppliesFollowsAndUndoesARunThroughTheActuatorEndpoint() throws Exception {
        long oldActive = db().queryLong("SELECT COUNT(*) FROM products WHERE deleted_at IS NULL"
                + " AND updated_at < TIMESTAMP '2025-01-01 00:00:00'");
        String rules = JSON.writeValueAsString(Map.of("rules", "{\"doc\":\"rule-set\",\"v\":1,\"table\":\"products\","
                + "\"rules\":[{\"type\":\"olderThan\",\"column\":\"updated_at\",\"age\":\"P365D\"}]}"));
        Response preview = call("POST", "/actuator/softdelete", rules);
        assertThat(preview.status()).as("preview: %s", preview.body()).isEqualTo(200);
        assertThat(preview.body().get("total").asLong()).isEqualTo(oldActive).isPositive();
        long previewId = preview.body().get("runId").asLong();

        Response applied = call("POST", "/actuator/softdelete/apply/" + previewId, "{}");
        assertThat(applied.status()).as("apply: %s", applied.body()).isEqualTo(200);
        long runId = applied.body().get("runId").asLong();
        assertThat(runId).isNotEqualTo(previewId);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Response progress = call("GET", "/actuator/softdelete/" + runId + "/progress");
        while (!progress.body().get("status").asString().equals("COMPLETED") && System.nanoTime() < deadline) {
            Thread.sleep(200); // polling the worker's outcome, not waiting for time to pass
            progress = call("GET", "/actuator/softdelete/" + runId + "/progress");
        }
        assertThat(progress.body().get("status").asString()).as("progress: %s", progress.body()).isEqualTo("COMPLETED");
        assertThat(db().queryLong("SELECT COUNT(*) FROM products WHERE deleted_at IS NULL"
                + " AND updated_at < TIMESTAMP '2025-01-01 00:00:00'")).isZero();
        assertThat(call("GET", "/actuator/softdelete/" + runId).body().get("affectedCount").asLong()).isEqualTo(oldActive);

        Response undo = call("POST", "/actuator/softdelete/undo/" + runId, "{}");
        assertThat(undo.status()).as("undo: %s", undo.body()).isEqualTo(200);
        assertThat(undo.body().get("affected").asLong()).isEqualTo(oldActive);
        assertThat(db().queryLong("SELECT COUNT(*) FROM products WHERE deleted_at IS NULL"
                + " AND updated_at < TIMESTAMP '2025-01-01 00:00:00'")).isEqualTo(oldActive);
        JsonNode audit = call("GET", "/actuator/softdelete").body().get("audit");
        assertThat(audit.toString()).as("who submitted and undid it, readable through the endpoint")
                .contains("\"runId\":" + runId).contains("SUBMITTED").contains("UNDO_RUN").contains("alice");
        assertThat(call("POST", "/actuator/softdelete/explode/" + runId, "{}").status()).isEqualTo(400);
        assertThat(call("POST", "/actuator/softdelete/undo/" + runId, "{}").status()).as("undone already").isEqualTo(400);
        String hostile = JSON.writeValueAsString(Map.of("rules", "{\"doc\":\"rule-set\",\"v\":1,\"table\":\"products\","
                + "\"rules\":[{\"type\":\"predicate\",\"sql\":\"1=1; DROP TABLE products\"}]}"));
        assertThat(call("POST", "/actuator/softdelete", hostile).status()).isEqualTo(400);
        assertThat(db().queryLong("SELECT COUNT(*) FROM products")).isPositive();
    }

    /** Calls the running application as user {@code alice} (the {@code X-Actor} header). */
    Response call(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header(CatalogueApplication.ACTOR_HEADER, "alice")
                .header("Accept", "application/json, application/problem+json")
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }

    private static JsonNode find(JsonNode items, long id) {
        for (JsonNode n : items) {
            if (n.get("id").asLong() == id) {
                return n;
            }
        }
        throw new AssertionError("No item " + id + " in " + items);
    }
}
