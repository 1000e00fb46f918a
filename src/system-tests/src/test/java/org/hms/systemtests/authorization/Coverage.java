package org.hms.systemtests.authorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Whether the matrix and the OpenAPI operations name the same endpoints, each with a rule. */
final class Coverage {

    /** The gateway's own routes: in the merged OpenAPI document, but in no service's own. */
    static final String GATEWAY = "gateway";

    private Coverage() {}

    /** Everything wrong, one line each; empty when the table and the operations agree. */
    static List<String> problems(List<Operation> operations, AuthorizationMatrix matrix) {
        List<String> problems = new ArrayList<>(matrix.problems());
        matrix.duplicates().forEach(key -> problems.add(key + ": more than one row"));
        Set<String> documented = operations.stream().map(Operation::key).collect(Collectors.toSet());
        operations.stream()
                .filter(op -> matrix.rule(op.method(), op.path()).isEmpty())
                .forEach(op -> problems.add(op.key() + ": in the OpenAPI document but no row in the table"));
        matrix.rules().stream()
                .filter(rule -> !documented.contains(rule.key()))
                .forEach(rule -> problems.add(rule.key() + ": a row in the table but no such operation in the"
                        + " OpenAPI document"));
        return problems;
    }
}
