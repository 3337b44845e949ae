package dev.unitsbench.model;

/** A plain child program: sleeps for {@code args[0]} milliseconds, then exits. It watches no parent. */
public final class SleepingMain {

    private SleepingMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(Long.parseLong(args[0]));
    }
}
