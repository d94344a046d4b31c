/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.model.validation;

import java.util.HashMap;
import java.util.Map;

import org.benchwright.model.ExecutionRecord;
import org.benchwright.model.Job;
import org.benchwright.model.NamedElement;
import org.benchwright.model.Operation;
import org.benchwright.model.Step;
import org.benchwright.model.Technician;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.emf.ecore.util.Diagnostician;

/**
 * Checks the model's invariants on a tree of elements and names each element as a process engineer would, so that
 * a message reads "alloy 'SAC305': solidus 221 °C is above liquidus 217 °C" rather than an object identity.
 */
public final class ModelValidation {

    private ModelValidation() {
    }

    /** Validates {@code root} and everything it contains: required features, value ranges and the model's invariants. */
    public static Diagnostic validate(EObject root) {
        Map<Object, Object> context = new HashMap<>();
        context.put(EValidator.SubstitutionLabelProvider.class, new EValidator.SubstitutionLabelProvider() {
            @Override
            public String getObjectLabel(EObject eObject) {
                return describe(eObject);
            }

            @Override
            public String getFeatureLabel(EStructuralFeature feature) {
                return words(feature.getName());
            }

            @Override
            public String getValueLabel(org.eclipse.emf.ecore.EDataType dataType, Object value) {
                return String.valueOf(value);
            }
        });
        return Diagnostician.INSTANCE.validate(root, context);
    }

    /**
     * Names an element for messages: its kind and name when it has one ("thermal profile 'BGA_SAC305'"), otherwise
     * its place in its container ("peak of reflow segment 3 of thermal profile 'BGA_SAC305'").
     */
    public static String describe(EObject object) {
        if (object == null) {
            return "nothing";
        }
        String kind = words(object.eClass().getName());
        String name = nameOf(object);
        if (name != null) {
            return kind + " '" + name + "'";
        }
        EObject container = object.eContainer();
        if (container == null) {
            return kind;
        }
        EStructuralFeature feature = object.eContainingFeature();
        String place;
        if (feature.isMany()) {
            int index = ((java.util.List<?>) container.eGet(feature)).indexOf(object) + 1;
            place = kind + " " + index;
        } else {
            place = words(feature.getName());
        }
        return place + " of " + describe(container);
    }

    private static String nameOf(EObject object) {
        if (object instanceof NamedElement named) {
            return named.getName();
        }
        if (object instanceof Operation op) {
            return op.getName();
        }
        if (object instanceof Step step) {
            return step.getName();
        }
        if (object instanceof Technician t) {
            return t.getId();
        }
        if (object instanceof Job job) {
            return job.getId();
        }
        if (object instanceof ExecutionRecord record) {
            return record.getId();
        }
        return null;
    }

    /** "ThermalProfile" and "timeAboveLiquidus" become "thermal profile" and "time above liquidus". */
    static String words(String camelCase) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < camelCase.length(); i++) {
            char c = camelCase.charAt(i);
            boolean boundary = Character.isUpperCase(c) && i > 0
                    && (Character.isLowerCase(camelCase.charAt(i - 1))
                            || i + 1 < camelCase.length() && Character.isLowerCase(camelCase.charAt(i + 1)));
            if (boundary) {
                b.append(' ');
            }
            b.append(boundary || i == 0 && !isAcronymStart(camelCase) ? Character.toLowerCase(c) : c);
        }
        return b.toString();
    }

    private static boolean isAcronymStart(String s) {
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isUpperCase(s.charAt(1));
    }
}
