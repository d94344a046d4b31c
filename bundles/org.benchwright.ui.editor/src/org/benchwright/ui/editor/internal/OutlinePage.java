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
import java.util.List;
import java.util.Locale;

import org.benchwright.model.Deviation;
import org.benchwright.model.Insertion;
import org.benchwright.model.InspectStep;
import org.benchwright.model.Library;
import org.benchwright.model.NamedElement;
import org.benchwright.model.Operation;
import org.benchwright.model.Procedure;
import org.benchwright.model.Step;
import org.benchwright.model.ThermalProfile;
import org.benchwright.model.WorkInstruction;
import org.benchwright.rules.WorkInstructions;
import org.benchwright.ui.editor.BenchwrightEditor;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/** The outline: the file's elements, a procedure's operations and steps, an instruction's changes and deviations. */
public final class OutlinePage extends ContentOutlinePage {

    /** One row of the outline: what it shows and where in the text it is. */
    public record Item(String label, int offset, int length, List<Item> children) {
    }

    private final BenchwrightEditor editor;
    private List<Item> items = List.of();

    public OutlinePage(BenchwrightEditor editor) {
        this.editor = editor;
    }

    public List<Item> items() {
        return items;
    }

    @Override
    public void createControl(Composite parent) {
        super.createControl(parent);
        TreeViewer viewer = getTreeViewer();
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((List<?>) input).toArray();
            }

            @Override
            public Object[] getChildren(Object parent) {
                return ((Item) parent).children().toArray();
            }

            @Override
            public Object getParent(Object element) {
                return null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return !((Item) element).children().isEmpty();
            }
        });
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                return ((Item) element).label();
            }
        });
        viewer.addSelectionChangedListener(e -> {
            if (e.getSelection() instanceof IStructuredSelection s && s.getFirstElement() instanceof Item item) {
                editor.reveal(item.offset(), 0);
            }
        });
        viewer.setInput(items);
        if (editor.parsed() != null) {
            update(editor.parsed());
        }
    }

    /** Rebuilds the rows from a parse; on the UI thread. */
    public void update(LanguageWorkspace.Parsed parsed) {
        if (parsed.resource() == null || editor.file() == null) {
            return;
        }
        items = LanguageWorkspace.of(editor.file().getProject()).read(() -> {
            List<Item> rows = new ArrayList<>();
            for (EObject root : parsed.resource().getContents()) {
                if (root instanceof Library library) {
                    for (NamedElement element : library.getElements()) {
                        rows.add(item(element));
                    }
                }
            }
            return rows;
        });
        TreeViewer viewer = getTreeViewer();
        if (viewer != null && !viewer.getControl().isDisposed()) {
            viewer.setInput(items);
            viewer.expandToLevel(2);
        }
    }

    private static Item item(EObject element) {
        List<Item> children = new ArrayList<>();
        if (element instanceof Procedure p) {
            p.getOperations().forEach(o -> children.add(item(o)));
        } else if (element instanceof Operation o) {
            o.getSteps().forEach(s -> children.add(item(s)));
        } else if (element instanceof WorkInstruction wi) {
            wi.getChanges().forEach(c -> children.add(item(c)));
            wi.getDeviations().forEach(d -> children.add(item(d)));
        } else if (element instanceof Deviation d) {
            d.getChanges().forEach(c -> children.add(item(c)));
        } else if (element instanceof Insertion i) {
            i.getSteps().forEach(s -> children.add(item(s)));
        }
        ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
        return new Item(label(element), node == null ? 0 : node.getOffset(), node == null ? 0 : node.getLength(),
                children);
    }

    static String label(EObject element) {
        String kind = kind(element);
        if (element instanceof ThermalProfile p) {
            return "profile " + p.getName() + (p.getAlloy() == null || p.getAlloy().eIsProxy() ? ""
                    : " (" + p.getAlloy().getName() + ")");
        } else if (element instanceof WorkInstruction wi) {
            return "instruction " + wi.getName() + " based on " + (wi.getBase() == null || wi.getBase().eIsProxy()
                    ? "?" : wi.getBase().getName());
        } else if (element instanceof NamedElement n) {
            return kind + " " + n.getName();
        } else if (element instanceof Operation o) {
            return "operation " + o.getName();
        } else if (element instanceof Step s) {
            String text = s instanceof InspectStep i ? i.getCriteria() : s.getText();
            return kind + (s.getName() == null ? "" : " " + s.getName())
                    + (text == null ? "" : ": " + (text.length() > 40 ? text.substring(0, 37) + "..." : text));
        } else if (element instanceof Deviation d) {
            return "deviation " + (d.getName() == null ? "" : d.getName());
        } else if (element instanceof org.benchwright.model.Change c) {
            return WorkInstructions.describe(c);
        }
        return kind;
    }

    /** "HeatStep" -> "heat", "EquipmentKind" -> "equipment", "SolderWire" -> "solder wire". */
    private static String kind(EObject element) {
        String name = element.eClass().getName().replace("Step", "").replace("Kind", "");
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
