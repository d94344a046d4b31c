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
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.benchwright.cfx.CfxEndpoint;
import org.benchwright.cfx.bench.CfxJobListener;
import org.benchwright.driver.api.Fault;
import org.benchwright.driver.api.Station;
import org.benchwright.driver.api.StationException;
import org.benchwright.dsl.ProcedureSources;
import org.benchwright.engine.gating.Gate;
import org.benchwright.engine.gating.GatingPolicy;
import org.benchwright.engine.heat.HeatSample;
import org.benchwright.engine.heat.HeatStepRunner;
import org.benchwright.engine.job.BenchSession;
import org.benchwright.engine.job.JobListener;
import org.benchwright.engine.job.JobRunner;
import org.benchwright.engine.job.Prompt;
import org.benchwright.engine.job.RecordNotWrittenException;
import org.benchwright.engine.job.Reply;
import org.benchwright.engine.journal.BenchKey;
import org.benchwright.engine.registry.StationRegister;
import org.benchwright.engine.stats.ProcessWindow.Judged;
import org.benchwright.engine.steps.StepMachine.StepProgress;
import org.benchwright.model.HeatStep;
import org.benchwright.model.InspectStep;
import org.benchwright.model.Procedure;
import org.benchwright.model.Technician;
import org.benchwright.rules.RuleChecker;
import org.benchwright.rules.RuleSettings;
import org.benchwright.store.StoreException;
import org.benchwright.store.bench.StoreBench;
import org.benchwright.ui.chart.LineChart;
import org.benchwright.ui.editor.internal.ProfileChart;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;

/**
 * The technician's bench: sign in, pick the station and the job, see whether the gate lets the job start and why
 * not, then the steps one at a time (large, for a bench), the heat steps' live temperatures against the plan and
 * the window, alarms, a big abort that puts the station in safe state, and the job's summary and record at the end.
 * The job runs as an Eclipse job: the window never waits on the station.
 */
public final class BenchView extends ViewPart {

    public static final String ID = "org.benchwright.ui.execution.bench";

    private static final Color RED = new Color(0xc0, 0x39, 0x2b);
    private static final Color GREEN = new Color(0x1e, 0x84, 0x49);
    private static final Color WHITE = new Color(0xff, 0xff, 0xff);
    private JobForm form;
    private Label banner;
    private Table stepTable;
    private StepPanel step;
    private LiveChart chart;
    private Button abortButton;
    private Text summary;
    private Button exportPdf;
    private Button exportCsv;
    private Button signButton;
    private PlantStatus plantStatus;
    private CfxStatus cfxStatus;
    private Font large;
    private Font huge;

    private volatile JobRunner runner;
    private volatile UiOperator operator;
    private volatile JobRunner.Result result;
    private final List<StepProgress> runs = new ArrayList<>();
    private volatile Station station;

    @Override
    public void createPartControl(Composite parent) {
        FontData base = JFaceResources.getDefaultFont().getFontData()[0];
        large = new Font(parent.getDisplay(), base.getName(), Math.round(base.getHeight() * 1.6f), SWT.BOLD);
        huge = new Font(parent.getDisplay(), base.getName(), Math.round(base.getHeight() * 1.9f), SWT.BOLD);
        parent.setLayout(new GridLayout(1, false));

        form = new JobForm(parent, this::start, this::alarm, text -> banner.setText(text));

        banner = new Label(parent, SWT.WRAP);
        banner.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        banner.setText("Sign in, pick the station and the job, then Check and start.");
        plantStatus = new PlantStatus(parent);
        plantStatus.follow();
        cfxStatus = new CfxStatus(parent);
        cfxStatus.follow();

        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        stepTable = Tables.of(sash, new String[][] { { "State", "80" }, { "Step", "130" }, { "Instruction", "260" } });
        SashForm work = new SashForm(sash, SWT.VERTICAL);
        step = new StepPanel(work, large, () -> operator);
        chart = new LiveChart(work);
        work.setWeights(40, 60);
        sash.setWeights(35, 65);

        Composite bottom = new Composite(parent, SWT.NONE);
        bottom.setLayout(new GridLayout(3, false));
        bottom.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
        abortButton = Buttons.push(bottom, "ABORT - heat off", () -> abort("abort button at the bench"));
        abortButton.setFont(huge);
        abortButton.setBackground(RED);
        abortButton.setForeground(WHITE);
        abortButton.setLayoutData(new GridData(280, 64));
        abortButton.setEnabled(false);
        // the figures, the PWI, the record and what the plant store said: more lines than the abort button is high
        summary = new Text(bottom, SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL);
        GridData lines = new GridData(SWT.FILL, SWT.FILL, true, true);
        lines.heightHint = 6 * summary.getLineHeight();
        summary.setLayoutData(lines);
        // the finished job's documents
        Composite exports = new Composite(bottom, SWT.NONE);
        exports.setLayout(new GridLayout(1, true));
        exports.setLayoutData(new GridData(SWT.END, SWT.TOP, false, false));
        exportPdf = Buttons.push(exports, "Export PDF...", () -> export("pdf"));
        exportCsv = Buttons.push(exports, "Export CSV...", () -> export("csv"));
        exportPdf.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        exportCsv.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        exportPdf.setEnabled(false);
        exportCsv.setEnabled(false);
        // the technician's electronic signature of what they did: once the plant keeps accounts
        signButton = Buttons.push(exports, "Sign as performed...", this::askToSign);
        signButton.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        signButton.setEnabled(false);
        form.loadChoices();
    }

    /** Fills the station and procedure choices: the installed drivers' types and the bench project's procedures. */
    public void loadChoices() {
        form.loadChoices();
    }

    /** Signs a technician in from the personnel register. */
    public void signIn() {
        form.signIn();
    }

    /** Selects a procedure by id; whether the bench offers it. */
    public boolean selectProcedure(String id) {
        return form.selectProcedure(id);
    }

    /** Checks the job at the gate and, when it may start, runs it in the background. */
    public void start() {
        Procedure procedure = form.procedure();
        Technician who = form.technician();
        if (who == null || procedure == null || form.unit().isBlank()) {
            alarm("Sign in, pick a procedure and give the unit's serial first.");
            return;
        }
        try {
            ProcedureSources.find(form.procedures(), procedure.getName());
        } catch (IllegalArgumentException e) {
            alarm("The job cannot start: " + e.getMessage());
            return;
        }
        org.benchwright.model.Job job = BenchSession.newJob(form.unit(), procedure, form.productClass(),
                form.designators(), LocalDateTime.now());
        boolean training = form.training();
        String stationSpec = form.station();
        Display display = banner.getDisplay();
        runs.clear();
        stepTable.removeAll();
        chart.start(null);
        summary.setText("");
        exportPdf.setEnabled(false);
        exportCsv.setEnabled(false);
        signButton.setEnabled(false);
        banner.setText("Checking " + procedure.getName() + " for " + who.getId() + " at " + stationSpec + "...");
        banner.setBackground(null);
        banner.setForeground(null);
        form.ready(false);
        abortButton.setEnabled(true);
        result = null;
        operator = new UiOperator(display, this::show, (prompt, reason) -> step.refused(reason));
        job.setCustomer(form.customer());
        job.setAssemblyPartNumber(form.assembly());
        GatingPolicy policy;
        try {
            policy = GatingPolicy.read(BenchSettings.policy());
        } catch (IOException e) {
            alarm("The plant policy cannot be read: " + e.getMessage());
            return;
        }
        RuleSettings settings = RuleSettings.defaults();
        runner = new JobRunner(new Gate(new RuleChecker(settings), policy), settings);
        Job work = Job.create("Job " + job.getId(), monitor -> {
            JobRunner.Result ended = null;
            BenchSession.Plant plant = null;
            try {
                StationRegister register = BenchPlant.stations();
                String location = BenchSettings.store();
                if (location != null) {
                    try {
                        plantStatus.jobStarting();
                        plant = new StoreBench(BenchPlant.store(), BenchSettings.records(),
                                register == null ? null : stationSpec, pass -> plantStatus.show(pass, location),
                                policy.startUnconfirmed());
                    } catch (StoreException e) {
                        plant = StoreBench.unreachable(location, e.getMessage(), policy.startUnconfirmed());
                    }
                }
                BenchSession bench = new BenchSession(new BenchSession.Setup(BenchSettings.records(),
                        BenchPlant.documents(), register, register == null ? null : stationSpec, BenchSettings.speed(),
                        BenchKey.loadOrCreate(BenchKey.defaultFolder())),
                        plant);
                ended = bench.run(runner, job, who, ProcedureSources.hash(procedure), stationSpec, training, operator,
                        cfx(listener(display, monitor)), opened -> station = opened);
                return Status.OK_STATUS;
            } catch (RecordNotWrittenException e) {
                display.asyncExec(() -> alarm("RECORD NOT WRITTEN: " + e.getMessage()));
                return Status.error("job " + job.getId() + ": its record could not be written", e);
            } catch (IOException | StationException | RuntimeException e) {
                display.asyncExec(() -> alarm("The job could not run: " + e.getMessage()));
                return Status.error("job " + job.getId() + " could not run", e);
            } finally {
                plantSays = plant instanceof StoreBench shared && shared.lastPass() != null
                        ? shared.lastPass().describe() : null;
                plantStatus.jobEnded();
                CfxEndpoint cfx = cfxStatus.endpoint();
                if (cfx != null) {
                    cfx.nudge(); // the job's last entries, at once
                }
                JobRunner.Result last = ended;
                display.asyncExec(() -> finished(last));
            }
        });
        work.setUser(false);
        work.schedule();
    }

    /** The job's listener, telling the bench's CFX endpoint as well when there is one. */
    private JobListener cfx(JobListener listener) {
        CfxEndpoint endpoint = cfxStatus.endpoint();
        return endpoint == null ? listener : new CfxJobListener(listener, endpoint);
    }

    /** Shows the job's progress in the view and in the Progress view; cancelling it there aborts the job. */
    private JobListener listener(Display display, IProgressMonitor monitor) {
        return new JobListener() {
            private void cancelled() {
                if (monitor.isCanceled()) {
                    abortFromAnyThread("cancelled from the Progress view");
                }
            }

            @Override
            public void jobStarted(List<StepProgress> steps) {
                monitor.beginTask("Job " + steps.size() + " steps", steps.size());
                display.asyncExec(() -> {
                    runs.clear();
                    runs.addAll(steps);
                    banner.setText("Cleared: the gate let the job start. Follow the steps.");
                    banner.setBackground(GREEN);
                    banner.setForeground(WHITE);
                    refreshSteps();
                });
            }

            @Override
            public void stepActive(StepProgress run) {
                monitor.subTask(run.path());
                cancelled();
                display.asyncExec(BenchView.this::refreshSteps);
            }

            @Override
            public void stepEnded(StepProgress run) {
                monitor.worked(1);
                display.asyncExec(BenchView.this::refreshSteps);
            }

            @Override
            public void heatStarted(StepProgress run, String profileName) {
                ProfileChart drawn = run.step() instanceof HeatStep heat ? ProfileChart.of(heat.getProfile()) : null;
                display.asyncExec(() -> {
                    chart.start(drawn);
                    step.showWork(run.path() + ": heating with " + profileName, "Closed loop on the joint "
                            + "thermocouple. Hands off the station; ABORT puts it in safe state.",
                            drawn == null ? "" : String.join("; ", drawn.notes()));
                    chart.draw();
                });
            }

            @Override
            public void heatSample(HeatSample s) {
                cancelled();
                chart.sample(s.time(), s.reference(), s.joint(), s.component(), s.zone());
            }

            @Override
            public void heatEnded(StepProgress run, HeatStepRunner.Result heat) {
                display.asyncExec(() -> {
                    chart.draw();
                    if (heat.judgement() != null) {
                        step.details(String.format(Locale.ROOT, "Process Window Index %.1f%s",
                                heat.judgement().pwi(), heat.judgement().inside() ? " (inside the window)"
                                        : " (OUTSIDE the window)"));
                    }
                });
            }

            @Override
            public void fault(Fault fault) {
                display.asyncExec(() -> alarm("FAULT: " + fault + " - the station is in safe state, heaters off."));
            }
        };
    }

    private void show(Prompt prompt) {
        step.show(prompt);
        refreshSteps();
    }

    /** Aborts the running job: the station goes to safe state at once, then the job ends as aborted. */
    public void abort(String reason) {
        abortFromAnyThread(reason);
        alarm("ABORTED: " + reason + " - the station is in safe state, heaters off.");
    }

    private void abortFromAnyThread(String reason) {
        JobRunner r = runner;
        if (r != null) {
            r.abort(reason);
        }
        UiOperator o = operator;
        if (o != null) {
            o.answer(new Reply.Abort(reason));
        }
    }

    private void alarm(String text) {
        if (banner.isDisposed()) {
            return;
        }
        banner.setText(text);
        banner.setBackground(RED);
        banner.setForeground(WHITE);
        banner.getParent().layout();
    }

    private void refreshSteps() {
        if (stepTable.isDisposed()) {
            return;
        }
        stepTable.removeAll();
        for (StepProgress run : runs) {
            TableItem item = new TableItem(stepTable, SWT.NONE);
            String text = run.step() instanceof InspectStep i ? i.getCriteria() : run.step().getText();
            item.setText(new String[] { run.state().getLiteral(), run.path(), text == null ? "" : text });
            if (run.state().getLiteral().equals("active")) {
                item.setBackground(new Color(0xfd, 0xeb, 0xd0));
                stepTable.showItem(item);
            } else if (run.state().getLiteral().equals("failed")) {
                item.setForeground(RED);
            }
        }
    }

    /** Asks where, then writes the finished job's traveler ({@code pdf}) or telemetry ({@code csv}). */
    private void export(String kind) {
        JobRunner.Result r = result;
        if (r == null || r.record() == null) {
            return;
        }
        Path target = Exports.ask(summary.getShell(), kind.equals("pdf") ? "Save the job traveler"
                : "Save the telemetry", r.record(), kind);
        if (target != null) {
            export(kind, target);
        }
    }

    /**
     * Writes the finished job's traveler ({@code pdf}) or telemetry ({@code csv}) to {@code target} and adds what
     * happened to the summary.
     */
    public String export(String kind, Path target) {
        JobRunner.Result r = result;
        if (r == null || r.record() == null) {
            return "no finished job";
        }
        String said = kind.equals("pdf") ? Exports.traveler(r.record(), target) : Exports.telemetry(r.record(), target);
        summary.setText(summary.getText() + "\n" + said);
        return said;
    }

    /** Asks the signed-in technician for their PIN or password, then signs the finished job's record. */
    private void askToSign() {
        char[] secret = SignAsPerformed.ask(summary.getShell());
        if (secret != null) {
            signPerformed(secret);
        }
    }

    /**
     * Signs the finished job's record as performed, as the technician signed in at the bench (who must be the one who
     * ran it), with their PIN or password; the store must hold the record as the bench wrote it. Adds what happened
     * to the summary and returns it.
     */
    public String signPerformed(char[] secret) {
        JobRunner.Result r = result;
        String said = SignAsPerformed.sign(form.session(), r == null ? null : r.record(), secret);
        if (said.startsWith("Signed: ")) {
            signButton.setEnabled(false);
        }
        summary.setText(summary.getText() + "\n" + said);
        summary.setTopIndex(summary.getLineCount() - 1); // the line just added in sight
        return said;
    }

    private void finished(JobRunner.Result r) {
        result = r;
        if (summary.isDisposed()) {
            return;
        }
        exportPdf.setEnabled(r != null && r.record() != null);
        exportCsv.setEnabled(r != null && r.record() != null);
        signButton.setEnabled(r != null && r.record() != null && !r.refused());
        abortButton.setEnabled(false);
        form.ready(true);
        step.idle();
        if (r == null) {
            return;
        }
        refreshSteps();
        StringBuilder text = new StringBuilder();
        if (r.refused()) {
            alarm("REFUSED: the job may not start.\n" + r.refusals().stream().map(f -> "[" + f.code() + "] "
                    + f.reason()).collect(Collectors.joining("\n")));
        } else {
            text.append("Outcome: ").append(r.outcome().getLiteral().toUpperCase(Locale.ROOT))
                    .append(r.reason() == null ? "" : " (" + r.reason() + ")").append('\n');
            for (HeatStepRunner.Result heat : r.heats()) {
                if (heat.judgement() != null) {
                    for (Judged j : heat.judgement().statistics()) {
                        text.append(String.format(Locale.ROOT, "%s %.2f %s (window %.1f .. %.1f)%s; ", j.statistic(),
                                j.measured(), j.unit(), j.min(), j.max(), j.index() > 100 ? " OUTSIDE" : ""));
                    }
                    text.append(String.format(Locale.ROOT, "\nProcess Window Index %.1f%n", heat.judgement().pwi()));
                }
            }
            if (r.outcome().getLiteral().equals("completed")) {
                banner.setText("Job completed.");
                banner.setBackground(GREEN);
                banner.setForeground(WHITE);
            } else if (!banner.getText().startsWith("ABORTED") && !banner.getText().startsWith("FAULT")) {
                alarm("Job " + r.outcome().getLiteral() + (r.reason() == null ? "" : ": " + r.reason()));
            }
        }
        text.append("Record: ").append(r.record());
        String plant = plantSays;
        if (plant != null) {
            text.append("\nPlant store: ").append(plant);
        }
        summary.setText(text.toString());
        summary.getParent().layout();
    }

    /** The line about the plant store: where it is and what waits to be sent to it. */
    public String plantStatus() {
        return plantStatus.text();
    }

    /** The line about IPC-CFX: off, or what waits to be sent to the plant's MES. */
    public String cfxStatus() {
        return cfxStatus.text();
    }

    /** Follows the store the preferences name now (after they changed). */
    public void followPlant() {
        plantStatus.follow();
    }

    /** What the plant store's outbox said after the last job; {@code null} without a store. */
    private volatile String plantSays;

    /** The last job's result, once it has ended; {@code null} while one runs. */
    public JobRunner.Result result() {
        return result;
    }

    /** What the view shows, for tests and screenshots: the banner, the step title, the summary. */
    public String banner() {
        return banner.getText();
    }

    public String stepTitle() {
        return step.title();
    }

    public String summary() {
        return summary.getText();
    }

    public LineChart chart() {
        return chart.control();
    }

    /** The question the job waits on now, or {@code null}. */
    public Prompt asking() {
        UiOperator o = operator;
        return o == null ? null : o.asking();
    }

    /** Types {@code text} into the answer field and presses Enter, as a keyboard-wedge scanner does. */
    public void type(String text) {
        step.type(text);
    }

    /** Presses a button: "done", "pass", "fail", "start" or "abort". */
    public void press(String button) {
        if (!step.press(button)) {
            switch (button) {
            case "start" -> form.pressStart();
            case "abort" -> abortButton.notifyListeners(SWT.Selection, null);
            default -> throw new IllegalArgumentException(button);
            }
        }
    }

    /** The station of the running (or last) job. */
    public Station station() {
        return station;
    }

    /** Fills the job form, signing in by id alone (a plant without accounts). */
    public void job(String technicianId, String station, String unit, String designators) {
        job(technicianId, "", station, unit, designators);
    }

    /** Fills the job form, signing in with a badge or id and its PIN or password. */
    public void job(String technicianId, String secret, String station, String unit, String designators) {
        form.fill(technicianId, secret, station, unit, designators);
    }

    /** What the form says of who is signed in. */
    public String signedIn() {
        return form.signedIn();
    }

    public void training(boolean on) {
        form.training(on);
    }

    @Override
    public void setFocus() {
        form.setFocus();
    }

    @Override
    public void dispose() {
        plantStatus.dispose();
        cfxStatus.dispose();
        JobRunner r = runner;
        if (r != null && result == null) {
            r.abort("the bench view was closed");
        }
        UiOperator o = operator;
        if (o != null) {
            o.answer(new Reply.Abort("the bench view was closed"));
        }
        large.dispose();
        huge.dispose();
        super.dispose();
    }
}
