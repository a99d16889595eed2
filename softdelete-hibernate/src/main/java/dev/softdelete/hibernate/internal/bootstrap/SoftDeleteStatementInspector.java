package dev.softdelete.hibernate.internal.bootstrap;

import dev.softdelete.core.SoftDeleteException;
import dev.softdelete.core.dialect.SqlSyntax;
import dev.softdelete.core.table.SoftDeletableTable;
import dev.softdelete.hibernate.internal.bootstrap.SqlLexer.Kind;
import dev.softdelete.hibernate.internal.bootstrap.SqlLexer.Reading;
import dev.softdelete.hibernate.internal.bootstrap.SqlLexer.Token;
import dev.softdelete.hibernate.internal.mapping.EntityMapping;
import dev.softdelete.hibernate.internal.operation.Operation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Applies {@code SoftDeleteScope}s to the statements generated inside one (see {@link ViewRewriter}),
 * and keeps every statement Hibernate runs (HQL/JPQL bulk deletes and native SQL alike) from deleting
 * rows of a soft-deletable table for good: "soften what can be softened, refuse the rest".
 * <ul>
 * <li>{@code DELETE FROM <table> [[AS] alias] [WHERE ...]} on a soft-deletable table, however the
 * name is written (quoted with {@code "} or {@code `}, schema-qualified, any case), becomes the
 * soft-delete UPDATE of the rows still active;</li>
 * <li>{@code TRUNCATE} of one, {@code MERGE} into one with a {@code DELETE} action, and any other
 * statement that deletes and names one ({@code DELETE ... USING}, multi-table deletes, CTEs,
 * {@code RETURNING}, {@code LIMIT}) are refused with a {@link SoftDeleteException}.</li>
 * </ul>
 * The text is split into tokens (comments dropped, string literals and quoted names kept whole)
 * under every reading that a database or session setting may give it (backslash escapes, nested
 * comments, {@code --} rules); when the readings disagree about a statement that touches a
 * soft-deletable table, it is refused. Statements starting with {@link #HARD_DELETE} (the library's
 * own hard-delete and purge SQL) pass untouched.
 */
public final class SoftDeleteStatementInspector implements StatementInspector {

    /** Marks, as the very first characters, the SQL of the explicit hard-delete and purge API. */
    public static final String HARD_DELETE = "/* softdelete:hard */";

    private static final String HOW_TO_HARD_DELETE = " Use HibernateSoftDelete.hardDelete(type, id) (or purge) for a"
            + " deliberate hard delete, remove() or a plain DELETE ... WHERE for a soft delete.";

    private final SoftDeleteRuntime runtime;
    private final StatementInspector next;
    private final ViewRewriter view;

    SoftDeleteStatementInspector(SoftDeleteRuntime runtime, Object next) {
        this.runtime = runtime;
        this.next = resolve(next);
        this.view = new ViewRewriter(runtime.markers());
    }

    @Override
    public String inspect(String sql) {
        String inspected = next == null ? sql : next.inspect(sql);
        if (inspected == null || inspected.startsWith(HARD_DELETE)) {
            return inspected;
        }
        if (inspected.indexOf(runtime.markers().scopePrefix()) >= 0) {
            inspected = view.rewrite(inspected, runtime.dialect().syntax());   // inside a scope only
        }
        if (!mayDelete(inspected)) {
            return inspected;   // the common case (queries, inserts, updates): no lexing
        }
        SqlSyntax syntax = runtime.dialect().syntax();
        List<List<Step>> plans = new ArrayList<>();
        OperationOnce operation = new OperationOnce();
        for (Reading reading : Reading.all(syntax.hashComments(), syntax.dollarQuotes())) {
            List<Step> plan = plan(inspected, SqlLexer.tokens(inspected, reading), operation);
            if (!plans.contains(plan)) {
                plans.add(plan);
            }
        }
        if (plans.size() > 1) {
            Set<String> tables = new LinkedHashSet<>();
            plans.forEach(plan -> plan.forEach(step -> tables.add(step.table())));
            if (!tables.isEmpty()) {
                throw new SoftDeleteException("Refusing a statement on soft-deletable table " + String.join(", ", tables)
                        + " whose meaning depends on session settings (backslashes in strings or comment rules), so"
                        + " softdelete cannot tell what it deletes: " + inspected + "." + HOW_TO_HARD_DELETE);
            }
            return inspected;
        }
        return apply(inspected, plans.get(0));
    }

    /**
     * Cheap pre-check: only a statement containing the word DELETE or TRUNCATE can remove rows. A
     * word, not a substring: {@code deleted_at} in every query of a soft-deletable entity must not
     * send it to the lexer.
     */
    static boolean mayDelete(String sql) {
        for (int i = 0, n = sql.length(); i < n; i++) {
            char c = (char) (sql.charAt(i) | 0x20);   // ASCII lower case; other characters never match
            if (c == 'd' && word(sql, i, "delete") || c == 't' && word(sql, i, "truncate")) {
                return true;
            }
        }
        return false;
    }

    private static boolean word(String sql, int at, String word) {
        int end = at + word.length();
        return sql.regionMatches(true, at, word, 0, word.length())
                && (at == 0 || !identifierPart(sql.charAt(at - 1)))
                && (end == sql.length() || !identifierPart(sql.charAt(end)));
    }

    /** Characters that continue an unquoted identifier in any supported database. */
    private static boolean identifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /**
     * What to do with one statement of the text (source range): replace it with {@code update}, or
     * refuse with {@code refusal}. Statements left as they are have no step.
     */
    private record Step(int start, int end, String table, String update, String refusal) {
    }

    /** The operation of a softened bulk delete: one per inspected text, taken when first needed. */
    private final class OperationOnce {
        private Operation operation;

        Operation get() {
            if (operation == null) {
                operation = runtime.operations().newOperation();
            }
            return operation;
        }
    }

    private List<Step> plan(String sql, List<Token> tokens, OperationOnce operation) {
        List<Step> steps = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            Token token = i < tokens.size() ? tokens.get(i) : null;
            if (token != null && token.kind() == Kind.LEFT) {
                depth++;
            } else if (token != null && token.kind() == Kind.RIGHT) {
                depth--;
            }
            if (token == null || token.kind() == Kind.SEMICOLON && depth <= 0) {
                if (i > from) {
                    Step step = statement(sql, tokens.subList(from, i), operation);
                    if (step != null) {
                        steps.add(step);
                    }
                }
                from = i + 1;
            }
        }
        return steps;
    }

    private Step statement(String sql, List<Token> t, OperationOnce operation) {
        Token head = t.get(0);
        int start = head.start();
        int end = t.get(t.size() - 1).end();
        if (head.is("delete")) {
            return delete(sql, t, operation);
        }
        if (head.is("truncate")) {
            return softDeletableNames(t).stream().findFirst().map(table -> refuse(start, end, table,
                    "Refusing TRUNCATE of soft-deletable table " + table + ": it would remove every row for good."))
                    .orElse(null);
        }
        if (head.is("merge")) {
            Optional<String> target = nameAfter(t, "into");
            if (target.isPresent() && isSoftDeletable(target.get()) && containsDelete(t)) {
                String table = mapped(target.get());
                return refuse(start, end, table, "Refusing MERGE with a DELETE action on soft-deletable table "
                        + table + ": the matched rows would be removed for good.");
            }
            return null;
        }
        if (containsDelete(t)) {
            return softDeletableNames(t).stream().findFirst().map(table -> refuse(start, end, table,
                    "Refusing a statement that deletes and names soft-deletable table " + table
                            + ", which softdelete cannot turn into a soft delete: " + sql.substring(start, end) + "."))
                    .orElse(null);
        }
        return null;
    }

    /** {@code DELETE FROM [ONLY] name [[AS] alias] [WHERE ...]}: softened; any other delete form checked. */
    private Step delete(String sql, List<Token> t, OperationOnce operation) {
        int start = t.get(0).start();
        int end = t.get(t.size() - 1).end();
        int i = 1;
        // MariaDB/MySQL (and Hibernate on them): DELETE <alias> FROM <table> <alias> WHERE ...
        Token target = null;
        if (i + 1 < t.size() && t.get(i).isName() && !t.get(i).is("from") && t.get(i + 1).is("from")) {
            target = t.get(i++);
        }
        if (i < t.size() && t.get(i).is("from")) {
            i++;
            if (i < t.size() && t.get(i).is("only")) {
                i++;
            }
            int nameStart = i;
            while (i < t.size() && t.get(i).isName() && i + 1 < t.size() && t.get(i + 1).kind() == Kind.DOT) {
                i += 2;
            }
            if (i < t.size() && t.get(i).isName()) {
                Token name = t.get(i++);
                String table = name.name();
                Token alias = null;
                if (i < t.size() && t.get(i).is("as") && i + 1 < t.size() && t.get(i + 1).isName()) {
                    alias = t.get(i + 1);
                    i += 2;
                } else if (i < t.size() && t.get(i).isName() && !t.get(i).is("where")) {
                    alias = t.get(i++);
                }
                boolean simple = (i == t.size() || t.get(i).is("where") && i + 1 < t.size())
                        && (target == null || target.name().equalsIgnoreCase(alias != null ? alias.name() : table));
                if (simple) {
                    List<Token> where = i == t.size() ? List.of() : t.subList(i + 1, t.size());
                    return soften(sql, start, end, table, sql.substring(t.get(nameStart).start(), name.end()),
                            alias == null ? null : sql.substring(alias.start(), alias.end()), where, operation);
                }
            }
        }
        return softDeletableNames(t).stream().findFirst().map(table -> refuse(start, end, table,
                "Refusing a delete statement on soft-deletable table " + table + " that softdelete cannot turn into"
                        + " a soft delete (only DELETE FROM <table> [alias] [WHERE ...] can be): "
                        + sql.substring(start, end) + ".")).orElse(null);
    }

    private Step soften(String sql, int start, int end, String table, String nameText, String alias,
            List<Token> where, OperationOnce once) {
        var owner = runtime.mappings().joinedSubclassOwner(table);
        if (owner.isPresent()) {
            return refuse(start, end, table, "A bulk delete on " + owner.get() + " (joined inheritance, table " + table
                    + ") would remove subclass rows for good. Use remove() on the entities, or"
                    + " HibernateSoftDelete.softDelete(type, id).");
        }
        Optional<EntityMapping> mapping = runtime.mappings().forTable(table);
        if (mapping.isEmpty()) {
            return null;
        }
        if (!balanced(where)) {
            return refuse(start, end, mapped(table), "Refusing a delete on soft-deletable table " + table
                    + " whose WHERE clause has unbalanced parentheses: " + sql.substring(start, end) + ".");
        }
        SoftDeletableTable m = mapping.get().table();
        boolean zone = runtime.markerHasZone(mapping.get());
        runtime.softenedDelete(mapping.get().label()); // counted with its row count by CountingMutationExecutor
        Operation operation = once.get();
        StringBuilder update = new StringBuilder("update ").append(nameText);
        if (alias != null) {
            update.append(' ').append(alias);
        }
        update.append(" set ").append(m.markerColumn()).append(" = ")
                .append(runtime.literals().timestamp(operation.at(), zone));
        if (m.deletedBy().isPresent()) {
            update.append(", ").append(m.deletedBy().get()).append(" = ")
                    .append(runtime.literals().string(runtime.actorFor(mapping.get(), operation.actor())));
        }
        update.append(" where ").append(alias == null ? "" : alias + ".").append(m.markerColumn()).append(" is null");
        if (!where.isEmpty()) {
            update.append(" and (").append(sql, where.get(0).start(), where.get(where.size() - 1).end()).append(')');
        }
        return new Step(start, end, table, update.toString(), null);
    }

    private static Step refuse(int start, int end, String table, String message) {
        return new Step(start, end, table, null, message + HOW_TO_HARD_DELETE);
    }

    private static String apply(String sql, List<Step> steps) {
        if (steps.isEmpty()) {
            return sql;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Step step : steps) {
            if (step.refusal() != null) {
                throw new SoftDeleteException(step.refusal());
            }
            out.append(sql, at, step.start()).append(step.update());
            at = step.end();
        }
        return out.append(sql.substring(at)).toString();
    }

    private static boolean balanced(List<Token> tokens) {
        int depth = 0;
        for (Token token : tokens) {
            depth += token.kind() == Kind.LEFT ? 1 : token.kind() == Kind.RIGHT ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** A DELETE keyword that deletes rows ({@code ON DELETE} of a foreign key does not). */
    private static boolean containsDelete(List<Token> t) {
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).is("delete") && (i == 0 || !t.get(i - 1).is("on")) || t.get(i).is("truncate")) {
                return true;
            }
        }
        return false;
    }

    /** The last part of the (qualified) name after {@code keyword}. */
    private static Optional<String> nameAfter(List<Token> t, String keyword) {
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).is(keyword)) {
                int j = i + 1;
                while (j + 1 < t.size() && t.get(j).isName() && t.get(j + 1).kind() == Kind.DOT) {
                    j += 2;
                }
                return j < t.size() && t.get(j).isName() ? Optional.of(t.get(j).name()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The soft-deletable tables named in the statement, as mapped. */
    private List<String> softDeletableNames(List<Token> t) {
        List<String> names = new ArrayList<>();
        for (Token token : t) {
            if (token.isName() && isSoftDeletable(token.name()) && !names.contains(mapped(token.name()))) {
                names.add(mapped(token.name()));
            }
        }
        return names;
    }

    /** The table's name as the mapping writes it (the statement may quote it or change its case). */
    private String mapped(String table) {
        return runtime.mappings().forTable(table).map(m -> m.table().table()).orElse(table);
    }

    private boolean isSoftDeletable(String table) {
        return runtime.mappings().forTable(table).isPresent()
                || runtime.mappings().joinedSubclassOwner(table).isPresent();
    }

    private static StatementInspector resolve(Object configured) {
        try {
            if (configured == null) {
                return null;
            }
            if (configured instanceof StatementInspector inspector) {
                return inspector;
            }
            Class<?> type = configured instanceof Class<?> c ? c
                    : Class.forName(configured.toString(), true, Thread.currentThread().getContextClassLoader());
            return (StatementInspector) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new SoftDeleteException("Could not create the configured statement inspector " + configured
                    + " to chain after the soft-delete inspector", e);
        }
    }
}
