/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.rules.internal;

import static org.benchwright.model.BenchwrightPackage.Literals.NAMED_ELEMENT__NAME;
import static org.benchwright.model.BenchwrightPackage.Literals.OPERATION__NAME;
import static org.benchwright.model.BenchwrightPackage.Literals.PROCEDURE__OPERATIONS;
import static org.benchwright.model.BenchwrightPackage.Literals.STANDARD_REFERENCE__NUMBER;
import static org.benchwright.model.BenchwrightPackage.Literals.STEP__NAME;
import static org.benchwright.rules.Severity.ERROR;
import static org.benchwright.rules.internal.ProcedureParts.steps;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.benchwright.model.InspectStep;
import org.benchwright.model.Library;
import org.benchwright.model.NamedElement;
import org.benchwright.model.Operation;
import org.benchwright.model.Procedure;
import org.benchwright.model.StandardReference;
import org.benchwright.model.Step;
import org.benchwright.rules.Rule;
import org.benchwright.rules.RuleCodes;
import org.benchwright.rules.RuleContext;
import org.eclipse.emf.ecore.EObject;

/** Rules on a procedure as a document: it ends in an inspection, its names are unique, its references unambiguous. */
final class ProcedureRules {

    private ProcedureRules() {
    }

    static List<Rule<?>> all() {
        return List.of(
                new Rule<>(RuleCodes.FINAL_INSPECTION, ERROR, "every procedure ends in an inspection",
                        Procedure.class, ProcedureRules::finalInspection),
                new Rule<>(RuleCodes.DUPLICATE_NAME, ERROR, "names are unique where they are looked up",
                        EObject.class, ProcedureRules::duplicateNames),
                new Rule<>(RuleCodes.REVISION_MAPPING, ERROR, "one number per standard and revision",
                        Procedure.class, ProcedureRules::revisionMapping));
    }

    private static void finalInspection(Procedure procedure, RuleContext ctx) {
        List<Operation> operations = procedure.getOperations();
        List<Step> last = operations.isEmpty() ? List.of() : operations.get(operations.size() - 1).getSteps();
        if (last.isEmpty() || !(last.get(last.size() - 1) instanceof InspectStep)) {
            ctx.report(procedure, PROCEDURE__OPERATIONS, "does not end in an inspection against acceptance criteria "
                    + "(IPC-7711/7721: results are judged by IPC-A-610)");
        }
    }

    private static void duplicateNames(EObject owner, RuleContext ctx) {
        if (owner instanceof Library library) {
            duplicates(library.getElements(), NamedElement::getName, "an element", ctx, NAMED_ELEMENT__NAME);
        } else if (owner instanceof Procedure procedure) {
            duplicates(procedure.getOperations(), Operation::getName, "an operation", ctx, OPERATION__NAME);
            duplicates(steps(procedure).filter(s -> s.getName() != null).toList(), Step::getName, "a step", ctx,
                    STEP__NAME);
        }
    }

    private static <T extends EObject> void duplicates(List<T> items, java.util.function.Function<T, String> name,
            String what, RuleContext ctx, org.eclipse.emf.ecore.EStructuralFeature feature) {
        Map<String, T> seen = new HashMap<>();
        for (T item : items) {
            String n = name.apply(item);
            if (n != null && seen.putIfAbsent(n, item) != null) {
                ctx.report(item, feature, "'" + n + "' names " + what + " already; names must be unique");
            }
        }
    }

    private static void revisionMapping(Procedure procedure, RuleContext ctx) {
        Map<String, StandardReference> seen = new HashMap<>();
        for (StandardReference ref : procedure.getReferences()) {
            String key = ref.getStandard().getLiteral() + " rev " + ref.getRevision().getLiteral();
            StandardReference earlier = seen.putIfAbsent(key, ref);
            if (earlier != null && !Objects.equals(earlier.getNumber(), ref.getNumber())) {
                ctx.report(ref, STANDARD_REFERENCE__NUMBER, key + " is mapped twice, to " + earlier.getNumber()
                        + " and " + ref.getNumber() + "; one procedure has one number per revision");
            }
        }
    }
}
