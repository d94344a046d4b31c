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

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.benchwright.driver.api.Stations;
import org.benchwright.engine.identity.AccessDeniedException;
import org.benchwright.engine.identity.Identity.Session;
import org.benchwright.engine.identity.Person;
import org.benchwright.engine.identity.Role;
import org.benchwright.model.Certification;
import org.benchwright.model.Procedure;
import org.benchwright.model.ProductClass;
import org.benchwright.model.Technician;
import org.benchwright.store.Accounts;
import org.benchwright.store.StoreException;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * The bench's sign-in and job form: who signs in (from the personnel register), which station (the installed
 * drivers' types), which procedure (the bench project's), which unit, class and designators, and whether it is a
 * training run. It knows nothing of running the job: Check and start calls the view back.
 */
final class JobForm {

    private final Text technicianField;
    private final Text secretField;
    private final Label technicianLabel;
    private final Combo stationCombo;
    private final Combo procedureCombo;
    private final Text unitField;
    private final Text customerField;
    private final Text assemblyField;
    private final Combo classCombo;
    private final Text designatorsField;
    private final Button trainingCheck;
    private final Button startButton;
    private final Consumer<String> alarm;
    private final Consumer<String> note;
    private Technician technician;
    /** The session of the person signed in, once the plant keeps accounts; {@code null} without. */
    private Session session;
    private List<Procedure> procedures = List.of();

    /**
     * @param start what Check and start does
     * @param alarm shows a problem in the view's banner
     * @param note  shows a remark in the view's banner
     */
    JobForm(Composite parent, Runnable start, Consumer<String> alarm, Consumer<String> note) {
        this.alarm = alarm;
        this.note = note;
        Group job = new Group(parent, SWT.NONE);
        job.setText("Sign in and job");
        job.setLayout(new GridLayout(8, false));
        job.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        label(job, "Technician");
        technicianField = new Text(job, SWT.BORDER);
        technicianField.setMessage("badge or id");
        technicianField.setLayoutData(new GridData(120, SWT.DEFAULT));
        secretField = new Text(job, SWT.BORDER | SWT.PASSWORD);
        secretField.setMessage("PIN or password");
        secretField.setLayoutData(new GridData(120, SWT.DEFAULT));
        Buttons.push(job, "Sign in", this::signIn);
        technicianField.addListener(SWT.DefaultSelection, e -> secretField.setFocus());
        secretField.addListener(SWT.DefaultSelection, e -> signIn());
        technicianLabel = new Label(job, SWT.NONE);
        technicianLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        technicianLabel.setText("not signed in");

        label(job, "Station");
        stationCombo = new Combo(job, SWT.DROP_DOWN);
        stationCombo.setLayoutData(new GridData(160, SWT.DEFAULT));
        label(job, "Procedure");
        procedureCombo = new Combo(job, SWT.READ_ONLY);
        procedureCombo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        label(job, "Unit serial");
        unitField = new Text(job, SWT.BORDER);
        unitField.setLayoutData(new GridData(140, SWT.DEFAULT));

        label(job, "Customer");
        customerField = new Text(job, SWT.BORDER);
        customerField.setMessage("as the policy names it");
        customerField.setLayoutData(new GridData(160, SWT.DEFAULT));
        label(job, "Assembly");
        assemblyField = new Text(job, SWT.BORDER);
        assemblyField.setMessage("part number");
        assemblyField.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        new Label(job, SWT.NONE).setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false, 2, 1));

        label(job, "Class");
        classCombo = new Combo(job, SWT.READ_ONLY);
        classCombo.setItems("1", "2", "3");
        classCombo.select(1);
        label(job, "Designators");
        designatorsField = new Text(job, SWT.BORDER);
        designatorsField.setMessage("U7, U8");
        designatorsField.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        trainingCheck = new Button(job, SWT.CHECK);
        trainingCheck.setText("Training run");
        startButton = Buttons.push(job, "Check and start", start);
        startButton.setEnabled(false);
        Buttons.push(job, "Reload procedures", this::loadChoices);
    }

    private static void label(Composite parent, String text) {
        new Label(parent, SWT.NONE).setText(text);
    }

    /** Fills the station and procedure choices: the installed drivers' types and the bench project's procedures. */
    void loadChoices() {
        // the simulator's faults on cue, for training: each interlock reached from the bench
        List<String> stations = new ArrayList<>(List.of("sim", "sim:bga-35mm", "sim:chip-0603",
                "sim:fault=open-tc@200C", "sim:fault=telemetry-stop@120s", "sim:fault=heater-stuck@200C",
                "sim:fault=link-lost@120s", "sim:fault=noise@30s"));
        Stations.factories().keySet().stream().filter(t -> !t.equals("sim")).forEach(stations::add);
        String typed = stationCombo.getText();
        stationCombo.setItems(stations.toArray(String[]::new));
        if (typed.isBlank()) {
            stationCombo.select(0);
        } else {
            stationCombo.setText(typed);
        }
        procedures = ProjectProcedures.of(ResourcesPlugin.getWorkspace().getRoot().getProject(BenchSettings.project()));
        procedureCombo.setItems(procedures.stream().map(p -> p.getName() + (p.getTitle() == null ? "" : " - "
                + p.getTitle())).toArray(String[]::new));
        if (!procedures.isEmpty()) {
            procedureCombo.select(0);
        } else {
            note.accept("No procedures in project '" + BenchSettings.project() + "': import the standard library "
                    + "(File > Import Standard Library) or set the bench project in the preferences.");
        }
    }

    /**
     * Signs a technician in: once the plant store keeps accounts, with their badge (as the reader types it) and PIN or
     * their id and password, checked by the store (wrong ones count towards the lockout); then from the personnel
     * register. Without accounts, by id alone.
     */
    void signIn() {
        String id = technicianField.getText().strip();
        char[] secret = secretField.getText().toCharArray();
        secretField.setText("");
        technician = null;
        session = null;
        startButton.setEnabled(false);
        try {
            Accounts accounts = BenchPlant.accounts();
            if (accounts != null) {
                session = accounts.person(id).isPresent() ? accounts.signIn(id, secret)
                        : accounts.signInWithBadge(id, secret);
                Person person = session.person();
                if (!person.has(Role.TECHNICIAN)) {
                    accounts.signOut(session.token());
                    session = null;
                    technicianLabel.setText("not signed in: " + person.id() + " may not run jobs (it takes the "
                            + "technician role)");
                    return;
                }
                id = person.id();
            }
        } catch (AccessDeniedException e) {
            technicianLabel.setText("not signed in: " + e.getMessage());
            technicianLabel.getParent().layout();
            return;
        } catch (IOException | StoreException | RuntimeException e) {
            alarm.accept("The plant's accounts cannot be read: " + e.getMessage());
            return;
        } finally {
            java.util.Arrays.fill(secret, '\0');
        }
        try {
            technician = BenchPlant.people().technician(id).orElse(null);
        } catch (IOException | RuntimeException e) {
            technician = null;
            alarm.accept("The personnel register cannot be read: " + e.getMessage());
            return;
        }
        if (technician == null) {
            technicianLabel.setText("no technician '" + id + "' in " + BenchPlant.peopleWhere());
            startButton.setEnabled(false);
            return;
        }
        LocalDate today = LocalDate.now();
        String certifications = technician.getCertifications().stream()
                .map(c -> c.getLevel().getLiteral() + (valid(c, today) ? " to " + c.getExpires() : " EXPIRED "
                        + c.getExpires()))
                .collect(Collectors.joining(", "));
        technicianLabel.setText(technician.getFullName() + " (" + technician.getId() + "), "
                + technician.getSkill().getLiteral() + "; " + (certifications.isEmpty() ? "no certification"
                        : certifications));
        technicianLabel.getParent().layout();
        startButton.setEnabled(true);
    }

    private static boolean valid(Certification c, LocalDate day) {
        return !day.isBefore(c.getIssued()) && !day.isAfter(c.getExpires());
    }

    /**
     * The signed-in technician, {@code null} before, and after the session ended (idle longer than the plant allows):
     * then the form says so and asks to sign in again.
     */
    Technician technician() {
        if (session != null) {
            try {
                Accounts accounts = BenchPlant.accounts();
                session = accounts == null ? null : accounts.resume(session.token());
            } catch (AccessDeniedException e) {
                technician = null;
                session = null;
                technicianLabel.setText("signed out: " + e.getMessage());
                startButton.setEnabled(false);
            } catch (IOException | StoreException e) {
                alarm.accept("The plant's accounts cannot be read: " + e.getMessage());
                return null;
            }
        }
        return technician;
    }

    /** The live session of the technician signed in, {@code null} without one (or once it ended). */
    Session session() {
        return technician() == null ? null : session;
    }

    /** What the form says of who is signed in. */
    String signedIn() {
        return technicianLabel.getText();
    }

    /** The chosen procedure, {@code null} when there is none. */
    Procedure procedure() {
        int index = procedureCombo.getSelectionIndex();
        return index < 0 || index >= procedures.size() ? null : procedures.get(index);
    }

    /** The procedures the bench offers. */
    List<Procedure> procedures() {
        return procedures;
    }

    /** Selects a procedure by id; whether the bench offers it. */
    boolean selectProcedure(String id) {
        for (int i = 0; i < procedures.size(); i++) {
            if (procedures.get(i).getName().equals(id)) {
                procedureCombo.select(i);
                return true;
            }
        }
        return false;
    }

    String station() {
        return stationCombo.getText().strip();
    }

    String unit() {
        return unitField.getText().strip();
    }

    /** The unit's customer, {@code null} when not given. */
    String customer() {
        return customerField.getText().isBlank() ? null : customerField.getText().strip();
    }

    /** The assembly's part number, {@code null} when not given. */
    String assembly() {
        return assemblyField.getText().isBlank() ? null : assemblyField.getText().strip();
    }

    ProductClass productClass() {
        return ProductClass.get(Integer.parseInt(classCombo.getText()));
    }

    List<String> designators() {
        return Arrays.stream(designatorsField.getText().split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    boolean training() {
        return trainingCheck.getSelection();
    }

    /** Whether Check and start may be pressed: a technician is signed in and no job runs. */
    void ready(boolean ready) {
        startButton.setEnabled(ready && technician != null);
    }

    /** Fills the form as a technician would, for tests and demonstrations. */
    void fill(String technicianId, String secret, String station, String unit, String designators) {
        technicianField.setText(technicianId);
        secretField.setText(secret);
        signIn();
        stationCombo.setText(station);
        unitField.setText(unit);
        designatorsField.setText(designators);
    }

    void training(boolean on) {
        trainingCheck.setSelection(on);
    }

    void pressStart() {
        startButton.notifyListeners(SWT.Selection, null);
    }

    void setFocus() {
        technicianField.setFocus();
    }
}
