/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.rules;

import java.util.function.BiConsumer;

import org.eclipse.emf.ecore.EObject;

/**
 * One check of the standard's rules on one kind of element. Implemented by the rule catalogue; called by
 * {@link RuleChecker} for every element of that kind.
 */
public final class Rule<T extends EObject> {

    private final String code;
    private final Severity severity;
    private final String summary;
    private final Class<T> type;
    private final BiConsumer<T, RuleContext> check;

    public Rule(String code, Severity severity, String summary, Class<T> type, BiConsumer<T, RuleContext> check) {
        this.code = code;
        this.severity = severity;
        this.summary = summary;
        this.type = type;
        this.check = check;
    }

    /** The stable code that messages, quick fixes and suppressions key on, for example {@code BW-RAMP-UP}. */
    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }

    /** One line saying what the rule requires and where that comes from. */
    public String summary() {
        return summary;
    }

    void apply(EObject object, RuleContext context) {
        if (type.isInstance(object)) {
            context.enter(this);
            check.accept(type.cast(object), context);
        }
    }
}
