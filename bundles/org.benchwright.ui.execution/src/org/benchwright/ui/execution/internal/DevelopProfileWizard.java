/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.ui.execution.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.benchwright.engine.heat.HeatStepRunner.Limits;
import org.benchwright.model.ThermalProfile;
import org.benchwright.profiling.HeatRun;
import org.benchwright.profiling.ProfileDevelopment;
import org.benchwright.profiling.ProfileDevelopment.Development;
import org.benchwright.profiling.ProfileReport;
import org.benchwright.ui.editor.internal.LanguageWorkspace;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Develop Profile...: the board of a finished job (and of the confirmation runs after it) learned from their records,
 * its profile proposed and written into the bench's project under {@code developed/}, opened in the editor for the
 * engineer to review. A board the assistant will not propose for says why on the page, and nothing is written.
 */
public final class DevelopProfileWizard extends Wizard {

    private final IProject project;
    private final List<Path> records;
    private final Path selected;
    private final List<ThermalProfile> profiles;
    private Page page;
    private String report = "";
    private IFile written;

    /**
     * @param records  the records folder's records, any order
     * @param selected the record to learn from first; {@code null}: the newest
     */
    public DevelopProfileWizard(IProject project, List<Path> records, Path selected) {
        this.project = project;
        this.records = new ArrayList<>(records);
        this.records.sort(Comparator.comparing(DevelopProfileWizard::modified));
        this.selected = selected;
        this.profiles = ProjectProcedures.profiles(project);
        setWindowTitle("Develop Profile");
        setNeedsProgressMonitor(true);
    }

    @Override
    public void addPages() {
        page = new Page();
        addPage(page);
    }

    /** The page, for a test to fill in as an engineer would. */
    public Page page() {
        return page;
    }

    /** What the last development said: the board learned, the proposal and its predicted figures, or why not. */
    public String report() {
        return report;
    }

    /** The developed profile's file, once written. */
    public IFile written() {
        return written;
    }

    @Override
    public boolean performFinish() {
        List<Path> chosen = page.chosenRecords();
        String specName = page.profile.getText();
        String name = page.name.getText().strip();
        double tc = page.number(page.tc);
        double boardLimit = page.number(page.boardLimit);
        Development[] development = new Development[1];
        ThermalProfile specification = profile(specName);
        Limits[] limits = new Limits[1];
        try {
            getContainer().run(true, false, monitor -> {
                monitor.beginTask("Learning the board from " + chosen.size() + " record(s) and trying settings on it",
                        IProgressMonitor.UNKNOWN);
                try {
                    List<ProfileDevelopment.Run> runs = ProfileDevelopment.runs(chosen, this::profile,
                            "the project " + project.getName());
                    limits[0] = ProfileDevelopment.limits(specification, runs, tc);
                    development[0] = ProfileDevelopment.develop(specification, runs, limits[0], boardLimit);
                } catch (IOException e) {
                    throw new InvocationTargetException(e);
                } finally {
                    monitor.done();
                }
            });
        } catch (InvocationTargetException e) {
            page.setErrorMessage(e.getCause().getMessage());
            report = e.getCause().getMessage();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        Development d = development[0];
        report = String.join("\n", ProfileReport.of(d, specification, limits[0]));
        if (d.refusal() != null) {
            report += "\nNothing proposed: " + d.refusal();
            page.setErrorMessage("Nothing proposed: " + d.refusal());
            return false;
        }
        try {
            IFolder folder = project.getFolder(ProfileReport.PACKAGE);
            if (!folder.exists()) {
                folder.create(true, true, null);
            }
            IFile file = folder.getFile(name + ".bw");
            byte[] text = ProfileReport.profile(d, specification, name,
                    chosen.stream().map(p -> p.getFileName().toString()).toList(), limits[0])
                    .getBytes(StandardCharsets.UTF_8);
            if (file.exists()) {
                file.setContents(new ByteArrayInputStream(text), true, true, null);
            } else {
                file.create(new ByteArrayInputStream(text), true, null);
            }
            written = file;
            long errors = LanguageWorkspace.of(project).validate(file, null, CancelIndicator.NullImpl).issues().stream()
                    .filter(i -> i.getSeverity() == Severity.ERROR).count();
            report += "\nwrote " + file.getFullPath() + ": profile " + name + (errors == 0 ? ", valid"
                    : ", with " + errors + " error(s): see the Problems view");
            IDE.openEditor(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), file);
        } catch (CoreException | RuntimeException e) {
            page.setErrorMessage("The profile cannot be written to " + project.getName() + "/" + ProfileReport.PACKAGE
                    + ": " + e.getMessage());
            return false;
        }
        return true;
    }

    private ThermalProfile profile(String name) {
        return profiles.stream().filter(p -> p.getName().equals(name)).findFirst().orElse(null);
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Which records, which library profile, the new profile's name, the package's Tc and the board's limit. */
    public final class Page extends WizardPage {

        private Table table;
        private Combo profile;
        private Text name;
        private Text tc;
        private Text boardLimit;

        Page() {
            super("develop");
            setTitle("Develop a profile for a new board");
            setDescription("Learn the board from its runs' records, then propose the settings it runs best with");
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(2, false));
            Label label = new Label(c, SWT.WRAP);
            label.setText("Records to learn from: the first run with the library's profile, then any confirmation"
                    + " runs (oldest first)");
            label.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
            table = new Table(c, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL);
            GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
            tableData.heightHint = 140;
            table.setLayoutData(tableData);
            HeatRun first = null;
            for (Path record : records) {
                TableItem item = new TableItem(table, SWT.NONE);
                item.setText(record.getFileName().toString());
                item.setData(record);
                if (record.equals(selected) || selected == null && record == records.get(records.size() - 1)) {
                    item.setChecked(true);
                    first = firstHeat(record);
                }
            }
            table.addListener(SWT.Selection, e -> validate());
            profile = combo(c, "Library profile (its windows judge every run):");
            profiles.forEach(p -> profile.add(p.getName()));
            if (first != null && profile.indexOf(first.profile()) >= 0) {
                profile.select(profile.indexOf(first.profile()));
            }
            name = text(c, "New profile's name:", profile.getText().isEmpty() ? "" : profile.getText() + "_developed");
            tc = text(c, "Package classification temperature Tc (°C):", first == null
                    || Double.isNaN(first.packageCeiling()) ? "" : String.format(Locale.ROOT, "%.0f",
                            first.packageCeiling()));
            boardLimit = text(c, "Hottest the board may be held (°C, the laminate's Tg - 10 °C):", "200");
            profile.addListener(SWT.Selection, e -> {
                name.setText(profile.getText() + "_developed");
                validate();
            });
            setControl(c);
            validate();
        }

        /** Fills the page in as an engineer would; for tests. */
        public void choose(List<Path> chosen, String profileName, String newName, double packageTc, double limit) {
            for (TableItem item : table.getItems()) {
                item.setChecked(chosen.contains(item.getData()));
            }
            profile.select(profile.indexOf(profileName));
            name.setText(newName);
            tc.setText(String.format(Locale.ROOT, "%.0f", packageTc));
            boardLimit.setText(String.format(Locale.ROOT, "%.0f", limit));
            validate();
        }

        List<Path> chosenRecords() {
            List<Path> chosen = new ArrayList<>();
            for (TableItem item : table.getItems()) {
                if (item.getChecked()) {
                    chosen.add((Path) item.getData());
                }
            }
            return chosen;
        }

        private void validate() {
            String problem = null;
            if (chosenRecords().isEmpty()) {
                problem = "Choose the record of the board's first run";
            } else if (profile.getSelectionIndex() < 0) {
                problem = profiles.isEmpty() ? "The project " + project.getName() + " holds no thermal profile"
                        : "Choose the library profile the board ran";
            } else if (!name.getText().strip().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                problem = "The new profile's name is a name of the language: letters, digits and _";
            } else if (Double.isNaN(number(tc)) || Double.isNaN(number(boardLimit))) {
                problem = "Tc and the board's limit are temperatures in °C";
            }
            setErrorMessage(problem);
            setPageComplete(problem == null);
        }

        private double number(Text text) {
            try {
                return Double.parseDouble(text.getText().strip());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        private Combo combo(Composite c, String label) {
            new Label(c, SWT.NONE).setText(label);
            Combo combo = new Combo(c, SWT.READ_ONLY);
            combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            return combo;
        }

        private Text text(Composite c, String label, String value) {
            new Label(c, SWT.NONE).setText(label);
            Text text = new Text(c, SWT.BORDER);
            text.setText(value);
            text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            text.addListener(SWT.Modify, e -> validate());
            return text;
        }

        private HeatRun firstHeat(Path record) {
            try {
                List<HeatRun> runs = HeatRun.read(record);
                return runs.isEmpty() ? null : runs.get(runs.size() - 1);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }
}
