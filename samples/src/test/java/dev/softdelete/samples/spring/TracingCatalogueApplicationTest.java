package dev.softdelete.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import dev.softdelete.hibernate.HibernateSoftDelete;
import dev.softdelete.samples.catalogue.CatalogueProduct;
import dev.softdelete.testing.IsolatedDatabase;
import dev.softdelete.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The catalogue with a real tracing bridge (Brave, as Boot configures it): the library's
 * observations reach the tracer as spans, with their low-cardinality keys as tags.
 */
@SpringBootTest(classes = {CatalogueApplication.class, TracingCatalogueApplicationTest.Spans.class},
        properties = "management.tracing.sampling.probability=1.0")
@AutoConfigureTracing
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class TracingCatalogueApplicationTest {

    private static IsolatedDatabase db;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        db = TestDatabase.H2.create();
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Autowired
    HibernateSoftDelete softDelete;

    @Autowired
    List<MutableSpan> finished;

    @Test
    void aRestoreIsASpanWithItsEntityAndOperation() {
        softDelete.softDelete(CatalogueProduct.class, 7L);
        softDelete.restore(CatalogueProduct.class, 7L);
        assertThat(finished).anySatisfy(span -> {
            assertThat(span.name()).isEqualTo("softdelete.operation");
            assertThat(span.tags()).containsEntry("entity", "CatalogueProduct").containsEntry("operation", "restore");
        });
    }

    @TestConfiguration
    static class Spans {
        final List<MutableSpan> finished = new CopyOnWriteArrayList<>();

        @Bean
        List<MutableSpan> finishedSpans() {
            return finished;
        }

        @Bean
        SpanHandler recordingSpanHandler() {
            return new SpanHandler() {
                @Override
                public boolean end(TraceContext context, MutableSpan span, Cause cause) {
                    finished.add(span);
                    return true;
                }
            };
        }
    }
}
