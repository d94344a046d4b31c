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


import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import org.benchwright.model.ComponentFamily;
import org.benchwright.model.Procedure;
import org.benchwright.model.Step;
import org.eclipse.emf.ecore.EObject;

/** What the procedure rules share: the procedure a step belongs to, its steps, whether a reference resolved. */
final class ProcedureParts {

    static final Set<ComponentFamily> AREA_ARRAY = EnumSet.of(ComponentFamily.BGA, ComponentFamily.CSP);

    private ProcedureParts() {
    }

    static Procedure procedureOf(EObject object) {
        for (EObject o = object; o != null; o = o.eContainer()) {
            if (o instanceof Procedure p) {
                return p;
            }
        }
        return null;
    }

    static boolean resolved(EObject o) {
        return o != null && !o.eIsProxy();
    }

    static Stream<Step> steps(Procedure procedure) {
        return procedure.getOperations().stream().flatMap(o -> o.getSteps().stream());
    }
}
