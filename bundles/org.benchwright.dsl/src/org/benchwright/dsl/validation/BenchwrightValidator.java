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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.benchwright.dsl.ProcedureSources;
import org.benchwright.model.BenchwrightPackage;
import org.benchwright.model.Library;
import org.benchwright.model.NamedElement;
import org.benchwright.model.Procedure;
import org.benchwright.model.WorkInstruction;
import org.benchwright.rules.Finding;
import org.benchwright.rules.RuleChecker;
import org.benchwright.rules.RuleCodes;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

/**
 * Reports the IPC rules (org.benchwright.rules) on the elements of a procedure file: each finding becomes an issue
 * whose code is the rule's code and whose data, when the rule knows one, is the value that fixes it. Names that two
 * files of one library declare are reported here too, on both files, since a rule sees one file at a time.
 */
public class BenchwrightValidator extends AbstractBenchwrightValidator {

    @Inject
    private RuleChecker rules;

    @Inject
    private ResourceDescriptionsProvider index;

    @Inject
    private IQualifiedNameProvider names;

    /**
     * An element's qualified name is unique across the files a library joins (the index: the command line's files,
     * the language server's workspace, the workbench's project); a procedure's or work instruction's id is unique
     * across packages too, since {@code run}, {@code approve} and the records name procedures by id alone.
     */
    @Check
    public void checkNamesAcrossFiles(Library library) {
        if (library.eResource() == null) {
            return;
        }
        URI here = library.eResource().getURI();
        IResourceDescriptions descriptions = index.getResourceDescriptions(library.eResource());
        Map<String, Set<URI>> runnable = null;
        for (NamedElement element : library.getElements()) {
            QualifiedName name = element.getName() == null ? null : names.getFullyQualifiedName(element);
            if (name == null) {
                continue;
            }
            Set<URI> elsewhere = new LinkedHashSet<>();
            for (IEObjectDescription d : descriptions.getExportedObjects(BenchwrightPackage.Literals.NAMED_ELEMENT,
                    name, false)) {
                elsewhere.add(d.getEObjectURI().trimFragment());
            }
            String rule = "names are unique within package " + library.getName();
            if (element instanceof Procedure || element instanceof WorkInstruction) {
                if (runnable == null) {
                    runnable = runnableIds(descriptions);
                }
                elsewhere.addAll(runnable.getOrDefault(element.getName(), Set.of()));
                rule = "procedure and instruction ids are unique across the library, since run, approve and the "
                        + "records name them by id";
            }
            elsewhere.remove(here);
            if (!elsewhere.isEmpty()) {
                error("'" + element.getName() + "' is also declared in " + elsewhere.stream()
                        .map(ProcedureSources::where).sorted().collect(Collectors.joining(", ")) + ": " + rule,
                        element, BenchwrightPackage.Literals.NAMED_ELEMENT__NAME, RuleCodes.DUPLICATE_NAME);
            }
        }
    }

    /**
     * The ids of one state of an index: which resource descriptions it held (a changed file gets a new description),
     * and the procedure and work instruction ids they declare.
     */
    private record RunnableIds(List<IResourceDescription> state, Map<String, Set<URI>> ids) {
    }

    /**
     * The ids worked out last: validating a library file by file asks for them once per file, and working them out
     * scans every procedure of the index, which made validating a large library quadratic. The index object itself
     * is made anew for each file; what it holds, its resource descriptions, stays the same objects until a file
     * changes.
     */
    private static volatile RunnableIds last;

    /** Every procedure and work instruction id of the index, with the files that declare it. */
    private static Map<String, Set<URI>> runnableIds(IResourceDescriptions descriptions) {
        List<IResourceDescription> state = new ArrayList<>();
        descriptions.getAllResourceDescriptions().forEach(state::add);
        RunnableIds known = last;
        if (known != null && sameObjects(known.state(), state)) {
            return known.ids();
        }
        Map<String, Set<URI>> ids = scan(descriptions);
        last = new RunnableIds(state, ids);
        return ids;
    }

    private static boolean sameObjects(List<IResourceDescription> a, List<IResourceDescription> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Set<URI>> scan(IResourceDescriptions descriptions) {
        Map<String, Set<URI>> ids = new LinkedHashMap<>();
        List<EClass> kinds = new ArrayList<>(List.of(BenchwrightPackage.Literals.PROCEDURE,
                BenchwrightPackage.Literals.WORK_INSTRUCTION));
        for (EClass kind : kinds) {
            for (IEObjectDescription d : descriptions.getExportedObjectsByType(kind)) {
                ids.computeIfAbsent(d.getQualifiedName().getLastSegment(), n -> new LinkedHashSet<>())
                        .add(d.getEObjectURI().trimFragment());
            }
        }
        return ids;
    }

    @Check
    public void checkRules(EObject element) {
        for (Finding finding : rules.checkOnly(element)) {
            if (finding.element().eResource() != element.eResource()) {
                continue;
            }
            String[] data = finding.fix() == null ? new String[0] : new String[] { finding.fix() };
            switch (finding.severity()) {
            case ERROR -> error(finding.message(), finding.element(), finding.feature(), INSIGNIFICANT_INDEX,
                    finding.code(), data);
            case WARNING -> warning(finding.message(), finding.element(), finding.feature(), INSIGNIFICANT_INDEX,
                    finding.code(), data);
            default -> info(finding.message(), finding.element(), finding.feature(), INSIGNIFICANT_INDEX,
                    finding.code(), data);
            }
        }
    }
}
