package dev.softdelete.proxy.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The statement corpus: generated templates plus hand-written files, read from test resources. */
final class Corpus {

    static final List<String> FILES = List.of("generated.tsv", "hibernate.tsv", "postgresql.tsv", "mariadb.tsv", "h2.tsv");

    private Corpus() {
    }

    static List<CorpusEntry> all() {
        List<CorpusEntry> out = new ArrayList<>();
        FILES.forEach(f -> out.addAll(read(f)));
        return out;
    }

    static List<CorpusEntry> read(String file) {
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing corpus file " + file);
            }
            List<CorpusEntry> out = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(CorpusEntry.parse(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
