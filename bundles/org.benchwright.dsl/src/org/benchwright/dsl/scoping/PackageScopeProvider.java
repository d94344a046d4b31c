/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.dsl.scoping;

import java.util.ArrayList;
import java.util.List;

import org.benchwright.model.Library;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.scoping.impl.ImportNormalizer;
import org.eclipse.xtext.scoping.impl.ImportedNamespaceAwareLocalScopeProvider;

/**
 * Resolves names through the file's imports and, as engineers expect, through its own package: files that declare
 * {@code package materials} see each other's elements without importing {@code materials.*}.
 */
public class PackageScopeProvider extends ImportedNamespaceAwareLocalScopeProvider {

    @Override
    protected List<ImportNormalizer> internalGetImportedNamespaceResolvers(EObject context, boolean ignoreCase) {
        List<ImportNormalizer> resolvers = new ArrayList<>(super.internalGetImportedNamespaceResolvers(context, ignoreCase));
        if (context instanceof Library library && library.getName() != null && !library.getName().isBlank()) {
            resolvers.add(createImportedNamespaceResolver(library.getName() + ".*", ignoreCase));
        }
        return resolvers;
    }
}
