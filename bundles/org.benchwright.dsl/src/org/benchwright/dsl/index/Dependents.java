/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.dsl.index;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;

/**
 * The files whose checks read what changed files declare. A rule of a procedure file reads the profiles, alloys and
 * parts it refers to, and through them what those refer to (a heat step's peak rule reads the profile's peak and its
 * alloy's family): a change to any of them is a change to what the procedure's rules say, even when no name changed.
 * So a file depends on every file that declares a name it looks up, and on what those depend on.
 */
public final class Dependents {

    private Dependents() {
    }

    /**
     * Every file of {@code index} that depends on one of {@code changed}, directly or through other files; the
     * changed files themselves are not in it unless they depend on each other.
     */
    public static Set<URI> of(Set<URI> changed, IResourceDescriptions index) {
        Map<QualifiedName, Set<URI>> declaredIn = new HashMap<>();
        for (IResourceDescription d : index.getAllResourceDescriptions()) {
            for (IEObjectDescription o : d.getExportedObjects()) {
                declaredIn.computeIfAbsent(o.getQualifiedName().toLowerCase(), n -> new LinkedHashSet<>())
                        .add(d.getURI());
            }
        }
        // who reads from whom: file -> the files declaring the names it looks up
        Map<URI, Set<URI>> readers = new HashMap<>();
        for (IResourceDescription d : index.getAllResourceDescriptions()) {
            for (QualifiedName imported : d.getImportedNames()) {
                for (URI from : declaredIn.getOrDefault(imported.toLowerCase(), Set.of())) {
                    if (!from.equals(d.getURI())) {
                        readers.computeIfAbsent(from, u -> new LinkedHashSet<>()).add(d.getURI());
                    }
                }
            }
        }
        Set<URI> affected = new LinkedHashSet<>();
        java.util.ArrayDeque<URI> queue = new java.util.ArrayDeque<>(changed);
        while (!queue.isEmpty()) {
            for (URI reader : readers.getOrDefault(queue.poll(), Set.of())) {
                if (affected.add(reader)) {
                    queue.add(reader);
                }
            }
        }
        return affected;
    }
}
