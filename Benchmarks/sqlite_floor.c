/* SQLite's own cost per journal row on this machine, through its C API, no Swift:
 *   direct: rows inserted in transactions of BATCH, a passive checkpoint every 200 commits
 *   log:    each batch appended to a log of its own with one write(), then read back and
 *           inserted in transactions of 1,000 (the same checkpoints): the total CPU of a
 *           journal that takes SQLite off the request path and catches up after.
 * The rows are workload 1's as the journal stores them (21 columns, about 600 bytes). From this
 * folder: cc -O2 sqlite_floor.c -o /tmp/sqlite-floor -lsqlite3 && cd /tmp &&
 *       ./sqlite-floor direct 13 200000 && ./sqlite-floor log 13 200000 && ./sqlite-floor direct 1000 200000
 * (Debian: apt-get install libsqlite3-dev, the library tts-replay links). Prints CPU per row. */
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

enum { ROW = 640 };
static double cpu(void) {
    struct rusage u; getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}
static sqlite3_stmt *st; static sqlite3 *db; static long commits;
static void row(long id, const char *q, const char *h, const char *body) {
    sqlite3_bind_int64(st, 1, id); sqlite3_bind_text(st, 2, "20261102090000BEEB8DA1658EEC670001", -1, SQLITE_STATIC);
    sqlite3_bind_double(st, 3, 1796156322.26); sqlite3_bind_int64(st, 4, 1793610000);
    sqlite3_bind_text(st, 5, "GET", -1, SQLITE_STATIC); sqlite3_bind_text(st, 6, "/authorization/202309/shops", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, q, 57, SQLITE_STATIC); sqlite3_bind_text(st, 8, h, 90, SQLITE_STATIC); sqlite3_bind_blob(st, 9, "", 0, SQLITE_STATIC);
    sqlite3_bind_text(st, 10, "get_authorized_shops", -1, SQLITE_STATIC); sqlite3_bind_text(st, 12, "cassette", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 13, "w1-cassette.yaml#1", -1, SQLITE_STATIC); sqlite3_bind_text(st, 14, "[]", -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 15, 200); sqlite3_bind_int(st, 16, 0); sqlite3_bind_text(st, 17, "{\"content-type\":\"application/json\"}", -1, SQLITE_STATIC);
    sqlite3_bind_blob(st, 18, body, 261, SQLITE_STATIC); sqlite3_bind_int(st, 21, 327);
    if (sqlite3_step(st) != SQLITE_DONE) { fprintf(stderr, "%s\n", sqlite3_errmsg(db)); exit(1); }
    sqlite3_reset(st);
}
static void commit(void) {
    sqlite3_exec(db, "COMMIT", 0, 0, 0);
    if (++commits % 200 == 0) sqlite3_wal_checkpoint_v2(db, 0, SQLITE_CHECKPOINT_PASSIVE, 0, 0);
}
int main(int argc, char **argv) {
    int log = argc == 4 && strcmp(argv[1], "log") == 0, batch = argc == 4 ? atoi(argv[2]) : 0;
    long n = argc == 4 ? atol(argv[3]) : 0;
    if ((!log && (argc != 4 || strcmp(argv[1], "direct") != 0)) || batch < 1 || batch > 1000 || n < 1) {
        fprintf(stderr, "usage: sqlite-floor direct|log BATCH ROWS (BATCH 1 to 1,000 rows a transaction)\n");
        return 2;
    }
    char path[64], wal[72], shm[72], lp[72];
    snprintf(path, sizeof path, "floor-%d.sqlite", getpid());
    snprintf(wal, sizeof wal, "%s-wal", path); snprintf(shm, sizeof shm, "%s-shm", path); snprintf(lp, sizeof lp, "%s-log", path);
    if (sqlite3_open(path, &db) != SQLITE_OK ||
        sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0;", 0, 0, 0) != SQLITE_OK) {
        fprintf(stderr, "cannot open %s in this folder: %s\n", path, sqlite3_errmsg(db));
        return 1;
    }
    sqlite3_exec(db, "CREATE TABLE r(id INTEGER PRIMARY KEY, a TEXT, b REAL, c INT, d TEXT, e TEXT, f TEXT, g TEXT, h BLOB, i TEXT,"
                     " j TEXT, k TEXT, l TEXT, m TEXT, n INT, o INT, p TEXT, q BLOB, r TEXT, s INT, t INT)", 0, 0, 0);
    sqlite3_prepare_v2(db, "INSERT INTO r VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", -1, &st, 0);
    static char rec[ROW * 1000]; memset(rec, 'x', sizeof rec);
    double c0 = cpu(), c1;
    if (!log) {
        for (long id = 1; id <= n;) {
            sqlite3_exec(db, "BEGIN", 0, 0, 0);
            for (int i = 0; i < batch && id <= n; i++, id++) row(id, rec, rec + 64, rec + 160);
            commit();
        }
        c1 = cpu();
        printf("direct, transactions of %d: %.2f us of CPU per row\n", batch, (c1 - c0) / n * 1e6);
    } else {
        int fd = open(lp, O_CREAT | O_TRUNC | O_WRONLY, 0644);
        if (fd < 0) { perror(lp); return 1; }
        for (long id = 1; id <= n; id += batch) {
            long k = id + batch - 1 <= n ? batch : n - id + 1;
            for (long i = 0; i < k; i++) memcpy(rec + i * ROW, &id, sizeof id);
            if (write(fd, rec, k * ROW) != k * ROW) { perror("write"); return 1; }
        }
        close(fd);
        c1 = cpu();
        if ((fd = open(lp, O_RDONLY)) < 0) { perror(lp); return 1; }
        long id = 1; ssize_t got;
        while ((got = read(fd, rec, 1000 * ROW)) > 0) {
            sqlite3_exec(db, "BEGIN", 0, 0, 0);
            for (char *r = rec; r < rec + got; r += ROW) row(id++, r + 8, r + 64, r + 160);
            commit();
        }
        close(fd);
        double c2 = cpu();
        printf("log, batches of %d: %.2f us of CPU per row to the log, %.2f to read it into SQLite, %.2f in all\n",
               batch, (c1 - c0) / n * 1e6, (c2 - c1) / n * 1e6, (c2 - c0) / n * 1e6);
    }
    sqlite3_finalize(st); sqlite3_close(db);
    unlink(path); unlink(wal); unlink(shm); unlink(lp);
    return 0;
}
