package dev.softdelete.proxy.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CorpusFileTest {

    @Test
    void storedGeneratedCorpusMatchesTheGenerator() throws IOException {
        assertThat(Files.readString(Path.of(CorpusGenerator.FILE), StandardCharsets.UTF_8))
                .as("run CorpusGenerator.main to regenerate").isEqualTo(CorpusGenerator.render());
    }

    @Test
    void corpusHasAtLeast300StatementsCoveringEveryDialect() {
        assertThat(Corpus.all()).hasSizeGreaterThanOrEqualTo(300);
        for (String dialect : new String[] {"h2", "postgresql", "mariadb"}) {
            assertThat(Corpus.all().stream().filter(e -> !e.dialects().isEmpty() && e.appliesTo(dialect)))
                    .as(dialect).hasSizeGreaterThanOrEqualTo(15);
        }
    }
}
