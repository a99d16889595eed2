package dev.softdelete.core.runs;

import dev.softdelete.core.internal.KeyCodec;
import dev.softdelete.core.internal.Sql;
import dev.softdelete.core.internal.context.CoreContext;
import dev.softdelete.core.catalog.ColumnInfo;
import dev.softdelete.core.catalog.ForeignKeyInfo;
import dev.softdelete.core.catalog.TableInfo;
import dev.softdelete.core.catalog.UnknownTableException;
import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.Identifier;
import dev.softdelete.core.jdbc.TimestampValue;
import dev.softdelete.core.runs.rule.Exclusion;
import dev.softdelete.core.runs.rule.InvalidRuleException;
import dev.softdelete.core.runs.rule.PredicateValidator;
import dev.softdelete.core.runs.rule.Rule;
import dev.softdelete.core.runs.rule.RuleSet;
import dev.softdelete.core.table.SoftDeletableTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@link RuleSet} resolved against the live catalog: every identifier validated and quoted,
 * every rule turned into an SQL condition over the alias {@code t}, "older than" cutoffs fixed
 * at {@code asOf}. Resolving touches nothing but metadata, so bad input fails before any change.
 */
final class Target {

    final RuleSet rules;
    final SoftDeletableTable description;
    final String tableName;
    final String table;
    final String key;
    final KeyCodec keyType;
    final String marker;
    final boolean markerHasZone;
    /** Quoted deleted-by column when declared and present (set to the actor, cleared on undo). */
    final String deletedBy;
    final List<Sql> ruleConditions;
    final Sql exclusions;
    /** The child tables the run soft-deletes rows of, and the tables that block it. */
    final Cascade cascade;
    /** Per duplicates rule: its largest groups ({@code LIMIT ?} to bind) and its number of groups. */
    final List<Sql[]> duplicateQueries;
    /** The largest key of this target (one range of a run), parsed; null: no limit. */
    private final Object upTo;

    private Target(SoftDeletableTable description, RuleSet rules, TableInfo info, Dialect d, Instant asOf,
            CoreContext sd, boolean cascading) {
        this.rules = rules;
        this.description = description;
        this.tableName = info.name();
        this.table = q(d, info.name());
        ColumnInfo keyInfo = column(sd, info, description.keyColumn());
        this.key = q(d, keyInfo.name());
        this.keyType = keyType(info.name(), keyInfo);
        ColumnInfo markerInfo = column(sd, info, description.markerColumn());
        if (!markerInfo.isTimestamp()) {
            throw new InvalidRuleException("Marker column " + info.name() + "." + markerInfo.name() + " is "
                    + markerInfo.typeName() + ", not a timestamp. Declare the table's soft-delete timestamp column with"
                    + " SoftDeletableTable.withMarkerColumn(...).");
        }
        this.marker = q(d, markerInfo.name());
        this.markerHasZone = markerInfo.hasTimeZone();
        this.deletedBy = description.deletedBy().flatMap(info::column).map(c -> q(d, c.name())).orElse(null);
        List<Sql> conditions = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            conditions.add(condition(rule, info, d, asOf, sd, key, marker));
        }
        this.ruleConditions = Collections.unmodifiableList(conditions);
        Sql excl = Sql.of("1 = 1");
        for (Exclusion e : rules.exclusions()) {
            excl = excl.join(" AND ", exclusion(e, info, d, sd));
        }
        this.exclusions = excl;
        this.cascade = cascading ? Cascade.resolve(sd, info, keyInfo.name(), rules) : Cascade.none();
        this.duplicateQueries = duplicateQueries(rules, info, d, sd, table, marker);
        this.upTo = null;
    }

    /** {@code base} limited to keys up to {@code upTo} (parsed), which joins its exclusions. */
    private Target(Target base, Object upTo) {
        this.rules = base.rules;
        this.description = base.description;
        this.tableName = base.tableName;
        this.table = base.table;
        this.key = base.key;
        this.keyType = base.keyType;
        this.marker = base.marker;
        this.markerHasZone = base.markerHasZone;
        this.deletedBy = base.deletedBy;
        this.ruleConditions = base.ruleConditions;
        this.exclusions = base.exclusions.join(" AND ", base.keyAtMost(upTo));
        this.cascade = base.cascade;
        this.duplicateQueries = base.duplicateQueries;
        this.upTo = upTo;
    }

    /** This target limited to keys up to {@code upTo} (a key's text form; null: no limit), for one range of a run. */
    Target upTo(String upTo) {
        return upTo == null ? this : new Target(this, keyType.parse(upTo));
    }

    /** {@code t.key <= bound}. */
    private Sql keyAtMost(Object bound) {
        return Sql.of("t." + key + " <= ?", bound);
    }

    /**
     * Resolves {@code rules} on the table {@code description} describes, with the child tables the
     * run cascades to when {@code cascading}; throws {@link UnknownTableException} or
     * {@link InvalidRuleException}.
     */
    static Target resolve(CoreContext sd, SoftDeletableTable description, RuleSet rules, Instant asOf,
            boolean cascading) {
        TableInfo info = sd.catalog().require(rules.table());
        if (sd.schema().isLibraryTable(info.name())) {
            throw new InvalidRuleException("Table '" + info.name() + "' is one of the library's own tables (prefix '"
                    + sd.schema().prefix() + "'); runs never change them. Target an application table. Nothing was"
                    + " changed.");
        }
        return new Target(description, rules, info, sd.dialect(), asOf, sd, cascading);
    }

    /** Rows any rule matches, minus exclusions, that are not soft-deleted yet. */
    Sql candidates() {
        Sql any = Sql.of("(");
        for (int i = 0; i < ruleConditions.size(); i++) {
            any = any.join(i == 0 ? "" : " OR ", ruleConditions.get(i));
        }
        return Sql.of("t." + marker + " IS NULL AND ").join("", any).join(") AND ", exclusions);
    }

    /** {@link #candidates()} with keys after {@code cursor} (all of them when {@code cursor} is null). */
    Sql candidatesAfter(String cursor) {
        return cursor == null ? candidates() : candidates().join(" AND ", keyAfter(cursor));
    }

    /**
     * The keys after {@code cursor} (all when null) up to this target's upper bound, whatever the
     * rows hold: a condition on the key column alone, which an index-only scan answers.
     */
    Sql keysAfter(String cursor) {
        Sql keys = cursor == null ? Sql.of("1 = 1") : keyAfter(cursor);
        return upTo == null ? keys : keys.join(" AND ", keyAtMost(upTo));
    }

    /** {@code t.key > cursor} ({@code cursor} is a key's text form). */
    private Sql keyAfter(String cursor) {
        return Sql.of("t." + key + " > ?", keyType.parse(cursor));
    }

    /** Rows rule {@code index} matches, minus exclusions, not soft-deleted yet. */
    Sql candidatesOfRule(int index) {
        return Sql.of("t." + marker + " IS NULL AND (").join("", ruleConditions.get(index))
                .join(") AND ", exclusions);
    }

    /** The run's own table, described for writing. */
    Cascade.TableRef ref() {
        return new Cascade.TableRef(tableName, table, key, keyType, marker, markerHasZone, deletedBy);
    }

    /** SQL selecting the keys of the candidates (for the cascade's preview counts). */
    Sql candidateKeys() {
        return Sql.of("SELECT t." + key + " FROM " + table + " t WHERE ").append(candidates());
    }

    /** A marker instant bound as this table's marker column stores it. */
    TimestampValue markerValue(Instant instant) {
        return new TimestampValue(instant, markerHasZone);
    }

    /**
     * A name read from the catalog, quoted exactly as stored: {@code OrderItems} created quoted on
     * PostgreSQL stays {@code "OrderItems"} instead of being folded to {@code "orderitems"}.
     */
    private static String q(Dialect d, String catalogName) {
        return d.quote(Identifier.quoted(catalogName));
    }

    /** Runs batch by integer, text, UUID and binary keys, each recorded exactly in the batch records. */
    private static KeyCodec keyType(String table, ColumnInfo column) {
        return KeyCodec.of(column).filter(k -> k != KeyCodec.DECIMAL).orElseThrow(() -> new InvalidRuleException(
                "Key column " + table + "." + column.name() + " has type " + column.typeName() + "; runs paginate by"
                        + " an integer, character, UUID or binary key. Declare such a key column with"
                        + " SoftDeletableTable.withKeyColumn(...). Nothing was changed."));
    }

    private static ColumnInfo column(CoreContext sd, TableInfo table, String column) {
        return sd.catalog().requireColumn(table, column);
    }

    private static Sql condition(Rule rule, TableInfo info, Dialect d, Instant asOf, CoreContext sd, String key,
            String marker) {
        if (rule instanceof Rule.OlderThan r) {
            ColumnInfo c = column(sd, info, r.column());
            if (!c.isTimestamp() && c.jdbcType() != java.sql.Types.DATE) {
                throw new InvalidRuleException("olderThan needs a date or timestamp column; " + info.name() + "."
                        + c.name() + " is " + c.typeName() + ".");
            }
            return Sql.of("t." + q(d, c.name()) + " < ?", new TimestampValue(asOf.minus(r.age()), c.hasTimeZone()));
        } else if (rule instanceof Rule.Inactive r) {
            return Sql.of("t." + q(d, column(sd, info, r.column()).name()) + " = ?", r.value());
        } else if (rule instanceof Rule.Predicate r) {
            Set<String> columns = info.columns().stream().map(ColumnInfo::name).collect(Collectors.toSet());
            new PredicateValidator(d, sd.schema(), name -> sd.catalog().find(name).map(t -> t.columns().stream()
                    .map(ColumnInfo::name).collect(Collectors.toSet()))).validate(r.sql(), info.name(), columns);
            return Sql.of("(" + r.sql() + ")");
        } else if (rule instanceof Rule.Orphaned r) {
            return orphaned(r, info, d, sd);
        } else if (rule instanceof Rule.Duplicates r) {
            return duplicates(r, info, d, sd, key, marker);
        }
        Sql all = null;
        for (Rule part : ((Rule.AllOf) rule).rules()) {
            Sql f = condition(part, info, d, asOf, sd, key, marker);
            all = all == null ? Sql.of("(").join("", f) : all.join(" AND ", f);
        }
        return all.join(")", Sql.of(""));
    }

    /**
     * Another active row of the same group is newer: a greater {@code by} (NULL oldest), or the
     * same and a greater key. Rows with a NULL in a group column never match (no group).
     */
    private static Sql duplicates(Rule.Duplicates r, TableInfo info, Dialect d, CoreContext sd, String key,
            String marker) {
        StringBuilder same = new StringBuilder();
        for (String name : r.columns()) {
            String c = q(d, column(sd, info, name).name());
            same.append(same.length() == 0 ? "" : " AND ").append("dup.").append(c).append(" = t.").append(c);
        }
        String by = q(d, column(sd, info, r.keepNewestBy()).name());
        String newer = "(dup." + by + " > t." + by + " OR (t." + by + " IS NULL AND dup." + by + " IS NOT NULL)"
                + " OR ((dup." + by + " = t." + by + " OR (dup." + by + " IS NULL AND t." + by + " IS NULL)) AND dup." + key
                + " > t." + key + "))";
        return Sql.of("EXISTS (SELECT 1 FROM " + q(d, info.name()) + " dup WHERE " + same + " AND dup." + marker
                + " IS NULL AND " + newer + ")");
    }

    /**
     * For each top-level duplicates rule, two queries: its largest groups (values and row count,
     * {@code LIMIT ?} left to bind) and the number of groups and their rows.
     */
    private static List<Sql[]> duplicateQueries(RuleSet rules, TableInfo info, Dialect d, CoreContext sd, String table,
            String marker) {
        List<Sql[]> queries = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            if (rule instanceof Rule.Duplicates r) {
                List<String> cols = r.columns().stream().map(name -> q(d, column(sd, info, name).name())).toList();
                String list = String.join(", ", cols);
                String notNull = cols.stream().map(c -> c + " IS NOT NULL").collect(Collectors.joining(" AND "));
                String groups = " FROM " + table + " WHERE " + marker + " IS NULL AND " + notNull + " GROUP BY " + list
                        + " HAVING COUNT(*) > 1";
                queries.add(new Sql[] {Sql.of("SELECT " + list + ", COUNT(*)" + groups + " ORDER BY COUNT(*) DESC, " + list
                        + " LIMIT ?"), Sql.of("SELECT COUNT(*) FROM (SELECT COUNT(*) AS n" + groups + ") g")});
            }
        }
        return queries;
    }

    private static Sql orphaned(Rule.Orphaned r, TableInfo info, Dialect d, CoreContext sd) {
        String child;
        String parentTable;
        String parentColumn;
        if (r.foreignKey() != null) {
            d.identifier(r.foreignKey());
            ForeignKeyInfo fk = info.importedKeys().stream().filter(k -> k.name() != null
                    && k.name().equalsIgnoreCase(r.foreignKey())).findFirst().orElseThrow(() -> new InvalidRuleException(
                    "Table " + info.name() + " has no foreign key named '" + r.foreignKey() + "'. Its foreign keys are: "
                            + info.importedKeys().stream().map(ForeignKeyInfo::name).toList() + "."));
            if (fk.childColumns().size() != 1) {
                throw new InvalidRuleException("Foreign key " + fk.name() + " has " + fk.childColumns().size()
                        + " columns; orphaned(...) supports single-column keys.");
            }
            child = fk.childColumns().get(0);
            parentTable = fk.parentTable();
            parentColumn = fk.parentColumns().get(0);
        } else {
            child = column(sd, info, r.column()).name();
            TableInfo parent = sd.catalog().require(r.parentTable());
            parentTable = parent.name();
            parentColumn = column(sd, parent, r.parentColumn()).name();
        }
        TableInfo parent = sd.catalog().require(parentTable);
        String live = parent.column(sd.tables().describe(parentTable).markerColumn()).map(c -> " AND p." + q(d, c.name()) + " IS NULL").orElse("");
        String c = "t." + q(d, child);
        return Sql.of("(" + c + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + q(d, parentTable) + " p WHERE p."
                + q(d, parentColumn) + " = " + c + live + "))");
    }

    private Sql exclusion(Exclusion exclusion, TableInfo info, Dialect d, CoreContext sd) {
        if (exclusion instanceof Exclusion.Ids ids) {
            List<Object> values = new ArrayList<>();
            for (Object id : ids.ids()) {
                try {
                    values.add(keyType.normalize(id));
                } catch (IllegalArgumentException e) {
                    throw new InvalidRuleException(e.getMessage() + " The key column of " + info.name() + " is "
                            + keyType.description() + ".");
                }
            }
            return new Sql("t." + key + " NOT IN (" + String.join(", ", Collections.nCopies(values.size(), "?"))
                    + ")", values);
        }
        Exclusion.ReferencedFrom ref = (Exclusion.ReferencedFrom) exclusion;
        TableInfo other = sd.catalog().require(ref.table());
        String childColumn;
        String parentColumn;
        if (ref.column() != null) {
            childColumn = column(sd, other, ref.column()).name();
            parentColumn = column(sd, info, description.keyColumn()).name();
        } else {
            List<ForeignKeyInfo> fks = other.importedKeys().stream()
                    .filter(k -> k.parentTable().equalsIgnoreCase(info.name()) && k.childColumns().size() == 1).toList();
            if (fks.size() != 1) {
                throw new InvalidRuleException("Table " + other.name() + " has " + fks.size() + " single-column foreign keys to "
                        + info.name() + "; name the referencing column with Exclusion.referencedFrom(table, column).");
            }
            childColumn = fks.get(0).childColumns().get(0);
            parentColumn = fks.get(0).parentColumns().get(0);
        }
        return Sql.of("NOT EXISTS (SELECT 1 FROM " + q(d, other.name()) + " x WHERE x." + q(d, childColumn)
                + " = t." + q(d, parentColumn) + ")");
    }
}
