/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.store.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.benchwright.engine.gating.Refusal;
import org.benchwright.engine.gating.UnitHistory;
import org.benchwright.engine.job.BenchSession;
import org.benchwright.model.BenchwrightFactory;
import org.benchwright.model.Job;
import org.benchwright.model.ReworkCount;
import org.benchwright.store.Outbox;
import org.benchwright.store.PlantStore;
import org.benchwright.store.StoreException;
import org.benchwright.store.UnitCounts;
import org.benchwright.store.UnitLockedException;

/**
 * A bench that shares its records with the plant store. Before a job its outbox sends what the store lacks (so the
 * store knows everything this bench did), the store says the unit's counts across every bench and locks the unit for
 * the job; after the job, whatever its end, the unit is released and the job's record sent. When the store cannot
 * answer the job does not start: the plant's default policy, said in the refusal.
 */
public final class StoreBench implements BenchSession.Plant {

    private final PlantStore store;
    private final Outbox outbox;
    private final String bench;
    private final Consumer<Outbox.Pass> status;
    private final boolean startUnconfirmed;
    private volatile Outbox.Pass lastPass;
    private volatile boolean locked;
    private OutboxPump following;

    /**
     * @param records the bench's records folder, which the outbox reads
     * @param bench   this bench's name as a unit lock shows it; {@code null}: the machine's name
     */
    public StoreBench(PlantStore store, Path records, String bench) {
        this(store, records, bench, pass -> {
        });
    }

    /**
     * @param status told what the outbox says whenever that changes, while a job runs (its entries follow it to the
     *               store a few times a second) and at its ends
     */
    public StoreBench(PlantStore store, Path records, String bench, Consumer<Outbox.Pass> status) {
        this(store, records, bench, status, false);
    }

    /**
     * @param startUnconfirmed the plant's policy when the store cannot confirm the unit's counts and lock: start on
     *                         what the bench itself knows, the record saying what was not confirmed ({@code true}),
     *                         or refuse ({@code false}, the default)
     */
    public StoreBench(PlantStore store, Path records, String bench, Consumer<Outbox.Pass> status,
            boolean startUnconfirmed) {
        this.store = store;
        this.outbox = new Outbox(store, records);
        this.bench = bench != null ? bench : machine();
        this.status = status;
        this.startUnconfirmed = startUnconfirmed;
    }

    @Override
    public Before before(Job job, Path record, UnitHistory local) {
        locked = false;
        Outbox.Pass pass;
        try {
            pass = outbox.drain(null);
        } catch (IOException e) {
            return refuse(local, "STORE", "the bench's records cannot be read to send them to the plant store: "
                    + e.getMessage());
        }
        lastPass = pass;
        status.accept(pass);
        if (!pass.online()) {
            return cannot(local, record, pass.describe());
        }
        try {
            store.lockUnit(job.getUnitSerial(), job.getId(), bench);
            locked = true;
            following = new OutboxPump(outbox, record, p -> {
                lastPass = p;
                status.accept(p);
            }).start();
            return new Before(withPlantCounts(local, store.counts(job.getUnitSerial()), pass), List.of());
        } catch (UnitLockedException e) {
            return refuse(local, "UNIT_OPEN", e.getMessage() + ": one job per unit at a time");
        } catch (StoreException e) {
            return cannot(local, record, e.getMessage());
        }
    }

    /** The store cannot confirm what the gate asks: the plant's policy decides. */
    private Before cannot(UnitHistory local, Path record, String why) {
        if (!startUnconfirmed) {
            return refuse(local, "STORE", cannotConfirm(why));
        }
        if (following == null) { // the job's entries go to the store when it returns
            following = new OutboxPump(outbox, record, p -> {
                lastPass = p;
                status.accept(p);
            }).start();
        }
        return new Before(local, List.of(), List.of(unconfirmed(store.location(), why)));
    }

    private static String unconfirmed(String location, String why) {
        return "the plant store " + location + " could not confirm the unit's counts across benches nor that no other "
                + "bench has it open (" + why + "): started on this bench's own records, as the plant's policy allows "
                + "(store.unreachable = start)";
    }

    @Override
    public void after(Job job, Path record) {
        if (following != null) {
            following.close();
            following = null;
        }
        if (locked) {
            try {
                store.releaseUnit(job.getUnitSerial(), job.getId());
                locked = false;
            } catch (StoreException e) {
                // the job's record says it ended once the outbox sends it: the next job may then take the lock
            }
        }
        try {
            lastPass = outbox.drain(null);
        } catch (IOException e) {
            lastPass = new Outbox.Pass(0, -1, java.util.Map.of(), "the records cannot be read: " + e.getMessage());
        }
        status.accept(lastPass);
    }

    /**
     * A plant whose store cannot be opened: the gate refuses the job, saying why, and the record keeps it; the
     * outbox sends the record with the next job that reaches the store.
     */
    public static BenchSession.Plant unreachable(String location, String why) {
        return unreachable(location, why, false);
    }

    /** Like {@link #unreachable(String, String)}, under a policy that may start a job the store cannot confirm. */
    public static BenchSession.Plant unreachable(String location, String why, boolean startUnconfirmed) {
        return new BenchSession.Plant() {
            @Override
            public Before before(Job job, Path record, UnitHistory local) {
                if (startUnconfirmed) {
                    return new Before(local, List.of(), List.of(unconfirmed(location, "it cannot be reached: " + why)));
                }
                return refuse(local, "STORE", "the plant store " + location + " cannot be reached (" + why + "): the "
                        + "plant's policy is not to start without it");
            }

            @Override
            public void after(Job job, Path record) {
                // nothing was locked
            }
        };
    }

    /** What the outbox did last, before or after a job; {@code null} before the first job. */
    public Outbox.Pass lastPass() {
        return lastPass;
    }

    private String cannotConfirm(String why) {
        return "the plant store " + store.location() + " cannot confirm the unit's counts across benches and that no "
                + "other bench has it open (" + why + "): the plant's policy is not to start without it";
    }

    private static Before refuse(UnitHistory local, String code, String reason) {
        return new Before(local, List.of(new Refusal(code, reason)));
    }

    /**
     * The unit's counts as every bench's records in the store say them (this bench's included: the outbox sent them
     * first), with the bench's own records that cannot be trusted and any the store refused.
     */
    private static UnitHistory withPlantCounts(UnitHistory local, UnitCounts plant, Outbox.Pass pass) {
        List<ReworkCount> designators = new ArrayList<>();
        plant.reworkActions().forEach((designator, actions) -> {
            ReworkCount c = BenchwrightFactory.eINSTANCE.createReworkCount();
            c.setUnitSerial(plant.unit());
            c.setDesignator(designator);
            c.setReworkActions(actions);
            c.setThermalCycles(plant.thermalCycles().getOrDefault(designator, 0));
            designators.add(c);
        });
        List<UnitHistory.Untrusted> untrusted = new ArrayList<>(local.untrusted());
        String prefix = local.unit().replaceAll("[^A-Za-z0-9._-]", "_") + "-";
        pass.refused().forEach((file, why) -> {
            if (file.startsWith(prefix)) {
                untrusted.add(new UnitHistory.Untrusted(file, "the plant store refused it: " + why));
            }
        });
        return new UnitHistory(local.unit(), designators, plant.unitCycles(), untrusted);
    }

    private static String machine() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "a bench";
        }
    }
}
