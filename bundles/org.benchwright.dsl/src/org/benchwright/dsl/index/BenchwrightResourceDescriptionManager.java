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

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionManager;

import com.google.inject.Singleton;

/**
 * Tells the builder (the language server's, and any Xtext build) which files to check again after a change: every
 * file that {@link Dependents depends} on a changed file, whether or not a name changed. Xtext's default re-checks a
 * file only when a name it uses appears, disappears or changes kind, so raising a profile's peak window left the
 * procedures that heat with it unchecked.
 */
@Singleton
public class BenchwrightResourceDescriptionManager extends DefaultResourceDescriptionManager
        implements IResourceDescription.Manager.AllChangeAware {

    private Collection<IResourceDescription.Delta> lastDeltas;
    private IResourceDescriptions lastIndex;
    private Set<URI> lastAffected;

    @Override
    public boolean isAffectedByAny(Collection<IResourceDescription.Delta> deltas, IResourceDescription candidate,
            IResourceDescriptions context) {
        return affected(deltas, context).contains(candidate.getURI()) || isAffected(deltas, candidate, context);
    }

    /** The files the deltas' files reach; computed once for all the candidates of one build step. */
    private synchronized Set<URI> affected(Collection<IResourceDescription.Delta> deltas,
            IResourceDescriptions context) {
        if (deltas != lastDeltas || context != lastIndex) {
            Set<URI> changed = deltas.stream().map(IResourceDescription.Delta::getUri).collect(Collectors.toSet());
            lastAffected = Dependents.of(changed, context);
            lastDeltas = deltas;
            lastIndex = context;
        }
        return lastAffected;
    }
}
