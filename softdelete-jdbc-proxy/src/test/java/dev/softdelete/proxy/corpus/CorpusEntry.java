package dev.softdelete.proxy.corpus;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One corpus statement with what the analysis must find. Stored one per line, tab-separated:
 * {@code dialects  hits  leaks  sql}, where dialects is {@code *} or a comma list
 * ({@code h2,postgresql,mariadb}), hits {@code -} or {@code element=CONFIDENCE,...}, leaks
 * {@code -} or table names; {@code \n} in the SQL is a line break.
 */
public record CorpusEntry(Set<String> dialects, Map<String, String> hits, Set<String> leaks, String sql) {

    public CorpusEntry {
        dialects = Set.copyOf(dialects);
        hits = Map.copyOf(hits);
        leaks = Set.copyOf(leaks);
    }

    static CorpusEntry parse(String line) {
        String[] parts = line.split("\t", 4);
        if (parts.length != 4) {
            throw new IllegalArgumentException("Corpus line needs 4 tab-separated fields: " + line);
        }
        Set<String> dialects = parts[0].equals("*") ? Set.of() : new LinkedHashSet<>(Arrays.asList(parts[0].split(",")));
        Map<String, String> hits = new LinkedHashMap<>();
        if (!parts[1].equals("-")) {
            for (String h : parts[1].split(",")) {
                String[] kv = h.split("=");
                hits.put(kv[0], kv[1]);
            }
        }
        Set<String> leaks = parts[2].equals("-") ? Set.of() : new LinkedHashSet<>(Arrays.asList(parts[2].split(",")));
        return new CorpusEntry(dialects, hits, leaks, parts[3].replace("\\n", "\n"));
    }

    boolean appliesTo(String dialect) {
        return dialects.isEmpty() || dialects.contains(dialect.toLowerCase(Locale.ROOT));
    }

    String toLine() {
        String d = dialects.isEmpty() ? "*" : String.join(",", new TreeSet<>(dialects));
        String h = hits.isEmpty() ? "-" : String.join(",", new TreeMap<>(hits).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList());
        String l = leaks.isEmpty() ? "-" : String.join(",", new TreeSet<>(leaks));
        return d + "\t" + h + "\t" + l + "\t" + sql.replace("\n", "\\n");
    }
}
