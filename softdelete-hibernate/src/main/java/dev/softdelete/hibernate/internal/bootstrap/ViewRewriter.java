package dev.softdelete.hibernate.internal.bootstrap;

import dev.softdelete.core.SoftDeleteException;
import dev.softdelete.core.dialect.SqlSyntax;
import dev.softdelete.hibernate.internal.bootstrap.SqlLexer.Kind;
import dev.softdelete.hibernate.internal.bootstrap.SqlLexer.Reading;
import dev.softdelete.hibernate.internal.bootstrap.SqlLexer.Token;
import dev.softdelete.hibernate.internal.mapping.ViewMarkers;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a scope to one statement. Hibernate renders every default restriction of a soft-deletable
 * entity as {@code (<alias>.<marker> is null and '<active token>' is not null)}; inside a scope it
 * also renders the scope filter's true constant {@code '<all token>' is not null} (or the deleted
 * token). When the statement carries a scope token, each default restriction becomes {@code (1=1)}
 * (include deleted) or {@code (<alias>.<marker> is not null)} (only deleted). A statement without a scope
 * token is returned as it is, without lexing: the default view costs one {@code indexOf}.
 */
final class ViewRewriter {

    private final ViewMarkers markers;

    ViewRewriter(ViewMarkers markers) {
        this.markers = markers;
    }

    /** The statement with the scope applied (the same instance when there is nothing to do). */
    String rewrite(String sql, SqlSyntax syntax) {
        if (sql.indexOf(markers.scopePrefix()) < 0) {
            return sql;
        }
        String result = null;
        for (Reading reading : Reading.all(syntax.hashComments(), syntax.dollarQuotes())) {
            String rewritten = rewrite(sql, SqlLexer.tokens(sql, reading));
            if (result != null && !result.equals(rewritten)) {
                throw new SoftDeleteException("Refusing a statement on a soft-deletable entity inside a"
                        + " SoftDeleteScope whose meaning depends on session settings (backslashes in strings or"
                        + " comment rules), so softdelete cannot tell which rows it would show: " + sql + ". Bind"
                        + " string values as parameters instead of writing them as literals.");
            }
            result = rewritten;
        }
        return result;
    }

    private String rewrite(String sql, List<Token> t) {
        boolean all = false;
        boolean deleted = false;
        List<Integer> restrictions = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            Token token = t.get(i);
            if (token.kind() != Kind.STRING) {
                continue;
            }
            String text = sql.substring(token.start(), token.end());
            if (text.equals(markers.allLiteral())) {
                all = true;
            } else if (text.equals(markers.deletedLiteral())) {
                deleted = true;
            } else if (text.equals(markers.activeLiteral())) {
                restrictions.add(i);
            }
        }
        if (all && deleted) {
            throw new SoftDeleteException("A statement carries both the include-deleted and the only-deleted"
                    + " scope of softdelete; enable the filters through SoftDeleteScope only: " + sql);
        }
        if (!all && !deleted || restrictions.isEmpty()) {
            return sql;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int i : restrictions) {
            // ( [qualifier .]* column is null and '<active>' is not null )
            int close = i + 4;
            int isNull = i - 3;
            int column = i - 4;
            boolean shape = column >= 1 && close < t.size() && t.get(i - 1).is("and") && t.get(i - 2).is("null")
                    && t.get(isNull).is("is") && t.get(column).isName() && t.get(i + 1).is("is")
                    && t.get(i + 2).is("not") && t.get(i + 3).is("null") && t.get(close).kind() == Kind.RIGHT;
            int open = column - 1;
            while (shape && open >= 2 && t.get(open).kind() == Kind.DOT && t.get(open - 1).isName()) {
                open -= 2;
            }
            if (!shape || open < 0 || t.get(open).kind() != Kind.LEFT) {
                throw new SoftDeleteException("softdelete could not apply a SoftDeleteScope to a statement whose"
                        + " soft-delete restriction has an unexpected shape: " + sql);
            }
            out.append(sql, at, t.get(open).start());
            if (all) {
                out.append("(1=1)");
            } else {
                out.append('(').append(sql, t.get(open + 1).start(), t.get(column).end()).append(" is not null)");
            }
            at = t.get(close).end();
        }
        return out.append(sql.substring(at)).toString();
    }
}
