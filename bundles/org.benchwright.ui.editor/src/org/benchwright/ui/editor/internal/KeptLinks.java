/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.ui.editor.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.util.InternalEList;
import org.eclipse.xtext.linking.impl.ImportedNamesAdapter;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.XtextResource;

/**
 * The links of a file's references, kept across a partial parse. Xtext links a file's every reference again after
 * each partial parse (its lazy links name node indices, which the parse shifts), and the validation that follows
 * resolves them all through the scopes again: a third of a keystroke's work in a long file. But a reference outside
 * the region parsed again has the same text, in the same containers, as before; while the edit neither declared nor
 * dropped a name (nor changed an import) and no other file changed, it resolves to what it resolved to. Those links
 * are put back; the rest (in the region, to an element the parse replaced, or unresolved) resolve as Xtext resolves
 * them. When the edit changed a name, nothing is kept.
 */
final class KeptLinks {

    /** A resolved link: one value, or a list's values (a proxy where one did not resolve). */
    private record Link(InternalEObject source, EReference reference, Object value) {
    }

    private final XtextResource resource;
    private final IQualifiedNameProvider names;
    private final List<Link> links = new ArrayList<>();
    /** Every element before the parse, with what it declares. */
    private final Map<EObject, List<Object>> before = new IdentityHashMap<>();
    private final Set<QualifiedName> imported;

    private KeptLinks(XtextResource resource, IQualifiedNameProvider names) {
        this.resource = resource;
        this.names = names;
        ImportedNamesAdapter adapter = ImportedNamesAdapter.find(resource);
        this.imported = adapter == null ? Set.of() : Set.copyOf(adapter.getImportedNames());
    }

    /** The links of {@code resource} as it stands, before a partial parse. */
    static KeptLinks of(XtextResource resource, IQualifiedNameProvider names) {
        KeptLinks kept = new KeptLinks(resource, names);
        for (Iterator<EObject> it = resource.getAllContents(); it.hasNext();) {
            InternalEObject element = (InternalEObject) it.next();
            kept.before.put(element, kept.declares(element));
            for (EReference reference : element.eClass().getEAllReferences()) {
                if (reference.isContainment() || reference.isContainer() || reference.isDerived()
                        || reference.isTransient() || !element.eIsSet(reference)) {
                    continue;
                }
                Object value = element.eGet(reference, false);
                if (reference.isMany()) {
                    @SuppressWarnings("unchecked")
                    List<EObject> values = ((InternalEList<EObject>) value).basicList();
                    kept.links.add(new Link(element, reference, List.copyOf(values)));
                } else if (value instanceof EObject target && !target.eIsProxy()) {
                    kept.links.add(new Link(element, reference, target));
                }
            }
        }
        return kept;
    }

    /** What {@code element} adds to the scopes: its kind and qualified name, or the namespace it imports. */
    private List<Object> declares(EObject element) {
        QualifiedName name = names.getFullyQualifiedName(element);
        EStructuralFeature namespace = element.eClass().getEStructuralFeature("importedNamespace");
        Object imports = namespace == null ? null : element.eGet(namespace);
        return name == null && imports == null ? null : java.util.Arrays.asList(element.eClass(), name, imports);
    }

    /**
     * After the partial parse: puts back the links of the references outside the region parsed again, unless the
     * parse changed what the file declares. Returns how many were put back.
     */
    int restore() {
        Map<List<Object>, Integer> declared = new HashMap<>();
        for (Iterator<EObject> it = resource.getAllContents(); it.hasNext();) {
            EObject element = it.next();
            if (!before.containsKey(element)) {
                count(declared, declares(element), 1); // new, from the region parsed again
            }
        }
        for (Map.Entry<EObject, List<Object>> element : before.entrySet()) {
            if (element.getKey().eResource() != resource) {
                count(declared, element.getValue(), -1); // replaced by the parse
            }
        }
        if (!declared.isEmpty()) {
            return 0; // a name came or went: any reference may now resolve elsewhere
        }
        int restored = 0;
        for (Link link : links) {
            InternalEObject source = link.source();
            if (source.eResource() != resource) {
                continue; // in the region parsed again
            }
            boolean deliver = source.eDeliver();
            source.eSetDeliver(false); // as Xtext's own resolution sets a link: no change to the model
            try {
                restored += put(link);
            } finally {
                source.eSetDeliver(deliver);
            }
        }
        ImportedNamesAdapter adapter = ImportedNamesAdapter.find(resource);
        if (adapter != null) {
            adapter.getImportedNames().addAll(imported); // the kept links looked these names up
        }
        return restored;
    }

    private static int put(Link link) {
        Object now = link.source().eGet(link.reference(), false);
        if (!link.reference().isMany()) {
            EObject target = (EObject) link.value();
            if (now instanceof EObject proxy && proxy.eIsProxy() && attached(target)) {
                link.source().eSet(link.reference(), target);
                return 1;
            }
            return 0;
        }
        @SuppressWarnings("unchecked")
        InternalEList<EObject> list = (InternalEList<EObject>) now;
        @SuppressWarnings("unchecked")
        List<EObject> values = (List<EObject>) link.value();
        if (list.size() != values.size()) {
            return 0;
        }
        int restored = 0;
        for (int i = 0; i < values.size(); i++) {
            if (list.basicGet(i).eIsProxy() && attached(values.get(i))) {
                list.setUnique(i, values.get(i));
                restored++;
            }
        }
        return restored;
    }

    /** Whether {@code target} is still a resolved element in a resource (the parse replaced those of its region). */
    private static boolean attached(EObject target) {
        return !target.eIsProxy() && target.eResource() != null;
    }

    private static void count(Map<List<Object>, Integer> counts, List<Object> key, int n) {
        if (key != null) {
            counts.merge(key, n, (a, b) -> a + b == 0 ? null : a + b);
        }
    }
}
