package com.aftersales.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bad production batch hidden in the demo data for feedback-service's quality detector to find: households in
 * 闵行区 (region 310112) that bought the same Midea split air conditioner through store SH-MH-021, half from batch
 * {@value #BAD_BATCH}, half from {@value #GOOD_BATCH}. Seven of the bad batch's units come back with compressor
 * protection E1 within weeks, one of the good batch does: about 19 % against 3 %, well past the detector's rules
 * (at least 5 failed of 30 units in a cell, Benjamini–Hochberg at 1 %, twice the model's baseline).
 * Generated rather than listed: the point is the count, and the names, phones and addresses only need to be
 * plausible and stable across restarts (the same serials and phones every time, so nothing is registered twice).
 */
final class PlantedBatch {

    static final String MODEL = "美的 KFR-35GW/BDN8Y-PH200 1.5匹 挂机";
    static final String BAD_BATCH = "2025W18";
    static final String GOOD_BATCH = "2025W10";
    static final String REGION = "310112";
    static final String STORE = "SH-MH-021";
    static final String FAULT_CODE = "E1";
    static final int UNITS_PER_BATCH = 36;
    static final int BAD_BATCH_FAILURES = 7;
    static final int GOOD_BATCH_FAILURES = 1;
    /** Refs of the generated customers: {@code planted-<batch>-<n>}, never UUIDs, so they cannot meet a file's. */
    private static final String REF_PREFIX = "planted-";

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
            "马", "朱", "胡", "郭", "何", "高", "林", "罗"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇",
            "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华"};
    private static final String[] ESTATES = {"莘庄镇莘松路 958 弄 %d 号 %d 室", "七宝镇漕宝路 3366 弄 %d 号 %d 室",
            "梅陇镇莲花南路 1500 弄 %d 号 %d 室", "古美路 1515 弄 %d 号 %d 室"};
    /** Near each estate, so dispatch sees real distances inside 闵行. */
    private static final double[][] ESTATE_COORDINATES = {{31.1113, 121.3855}, {31.1588, 121.3554}, {31.1250, 121.4180},
            {31.1470, 121.4000}};
    private static final double JITTER = 0.002;

    private PlantedBatch() {
    }

    /** Customer lines in the shape of customers.tsv: ref, customer body, one unit body. */
    static List<String[]> customers() {
        List<String[]> lines = new ArrayList<>();
        for (String batch : List.of(BAD_BATCH, GOOD_BATCH)) {
            for (int n = 1; n <= UNITS_PER_BATCH; n++) {
                lines.add(new String[] {ref(batch, n), customer(batch, n), unit(batch, n)});
            }
        }
        return lines;
    }

    /** Repair tickets in the shape of tickets.jsonl, the customer named by its ref. */
    static List<String> tickets() {
        List<String> tickets = new ArrayList<>();
        for (int n = 1; n <= BAD_BATCH_FAILURES; n++) {
            tickets.add(ticket(BAD_BATCH, n * 5));
        }
        for (int n = 1; n <= GOOD_BATCH_FAILURES; n++) {
            tickets.add(ticket(GOOD_BATCH, n * 11));
        }
        return tickets;
    }

    static String serial(String batch, int n) {
        return "MIDEA-BDN8Y-%s-%04d".formatted(batch, n);
    }

    private static String ref(String batch, int n) {
        return REF_PREFIX + batch + "-" + n;
    }

    private static int seed(String batch, int n) {
        return (batch.equals(BAD_BATCH) ? 0 : UNITS_PER_BATCH) + n;
    }

    private static String customer(String batch, int n) {
        int seed = seed(batch, n);
        String name = SURNAMES[seed % SURNAMES.length] + GIVEN[(seed * 7) % GIVEN.length];
        String phone = "1391650%04d".formatted(seed);
        return "{\"name\":\"%s\",\"phones\":[\"%s\"],\"addresses\":[%s],\"tier\":\"C\",\"preferredLanguage\":\"zh-CN\","
                .formatted(name, phone, address(seed)) + "\"contactConsent\":true}";
    }

    private static String unit(String batch, int n) {
        int seed = seed(batch, n);
        return ("{\"serialNumber\":\"%s\",\"model\":\"%s\",\"category\":\"AIR_CONDITIONER\",\"batchNumber\":\"%s\","
                + "\"purchaseDate\":\"{today-%d}\",\"storeCode\":\"%s\",\"receiptNumber\":\"RMH%s%04d\",\"priceType\":\"REGULAR\","
                + "\"customMade\":false,\"warrantyCardPresent\":true,\"soldByUs\":true,\"installAddress\":%s}")
                .formatted(serial(batch, n), MODEL, batch, 40 + seed % 30, STORE, batch, n, address(seed));
    }

    private static String address(int seed) {
        int estate = seed % ESTATES.length;
        String line = "上海市闵行区" + ESTATES[estate].formatted(1 + seed % 40, 101 + (seed * 3) % 18 * 100 + seed % 4);
        double latitude = ESTATE_COORDINATES[estate][0] + JITTER * ((seed % 5) - 2) / 2;
        double longitude = ESTATE_COORDINATES[estate][1] + JITTER * ((seed % 7) - 3) / 3;
        return String.format(Locale.ROOT, "{\"label\":\"家\",\"line\":\"%s\",\"regionCode\":\"%s\",\"latitude\":%.4f,"
                + "\"longitude\":%.4f}", line, REGION, latitude, longitude);
    }

    private static String ticket(String batch, int n) {
        return ("{\"customerId\":\"%s\",\"serialNumber\":\"%s\",\"model\":\"%s\",\"ticketType\":\"REPAIR\",\"channel\":\"PHONE\","
                + "\"priority\":\"NORMAL\",\"faultCategory\":\"COOLING\",\"faultCode\":\"%s\",\"faultDescription\":\"开机十分钟后停机，"
                + "面板显示 E1，外机嗡嗡响（上海市闵行区，%s 批次）\"}")
                .formatted(ref(batch, n), serial(batch, n), MODEL, FAULT_CODE, batch);
    }
}
