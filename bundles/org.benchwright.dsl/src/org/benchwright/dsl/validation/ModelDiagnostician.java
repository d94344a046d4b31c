/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.dsl.validation;

import java.util.Map;

import org.benchwright.model.validation.ModelValidation;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EObjectValidator;
import org.eclipse.xtext.validation.CancelableDiagnostician;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Runs the metamodel's checks on a parsed file, naming elements as an engineer would ("alloy 'SAC305'") and leaving
 * unresolved references to the linker, which reports them once, at the reference.
 */
@Singleton
public class ModelDiagnostician extends CancelableDiagnostician {

    @Inject
    public ModelDiagnostician(org.eclipse.emf.ecore.EValidator.Registry registry) {
        super(registry);
    }

    @Override
    public String getObjectLabel(EObject eObject) {
        return ModelValidation.describe(eObject);
    }

    @Override
    public String getFeatureLabel(EStructuralFeature feature) {
        return feature.getName();
    }

    @Override
    public boolean validate(EClass eClass, EObject eObject, DiagnosticChain diagnostics, Map<Object, Object> context) {
        DiagnosticChain withoutProxies = diagnostics == null ? null : new DiagnosticChain() {
            @Override
            public void add(Diagnostic diagnostic) {
                if (!isProxyDiagnostic(diagnostic)) {
                    diagnostics.add(diagnostic);
                }
            }

            @Override
            public void addAll(Diagnostic diagnostic) {
                for (Diagnostic child : diagnostic.getChildren()) {
                    add(child);
                }
            }

            @Override
            public void merge(Diagnostic diagnostic) {
                if (diagnostic.getChildren().isEmpty()) {
                    add(diagnostic);
                } else {
                    addAll(diagnostic);
                }
            }
        };
        return super.validate(eClass, eObject, withoutProxies, context);
    }

    private static boolean isProxyDiagnostic(Diagnostic diagnostic) {
        return EObjectValidator.DIAGNOSTIC_SOURCE.equals(diagnostic.getSource())
                && diagnostic.getCode() == EObjectValidator.EOBJECT__EVERY_PROXY_RESOLVES;
    }

}
