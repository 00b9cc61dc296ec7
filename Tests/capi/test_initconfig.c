/* The embedding side of the start-up configuration: PyStatus,
   PyWideStringList, PyConfig and its command-line parsing
   (Python/initconfig.c).  None of these needs a running interpreter. */
#include "testlib.h"
#include "cpython/initconfig.h"

static int wide_eq(const wchar_t *a, const wchar_t *b)
{
    return a != NULL && b != NULL && wcscmp(a, b) == 0;
}

/* list holds exactly the n strings of expected, in order. */
static int list_is(const PyWideStringList *list, Py_ssize_t n,
                   const wchar_t *const *expected)
{
    if (list->length != n) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!wide_eq(list->items[i], expected[i])) {
            return 0;
        }
    }
    return 1;
}

static PyStatus read_args(PyConfig *config, Py_ssize_t argc, char *const *argv)
{
    PyConfig_InitPythonConfig(config);
    PyStatus status = PyConfig_SetBytesArgv(config, argc, argv);
    return PyStatus_Exception(status) ? status : PyConfig_Read(config);
}

static void test_status(void)
{
    PyStatus ok = PyStatus_Ok();
    CHECK(!PyStatus_Exception(ok) && !PyStatus_IsError(ok) && !PyStatus_IsExit(ok));
    PyStatus err = PyStatus_Error("broken");
    CHECK(PyStatus_Exception(err) && PyStatus_IsError(err) && !PyStatus_IsExit(err));
    CHECK(strcmp(err.err_msg, "broken") == 0);
    PyStatus mem = PyStatus_NoMemory();
    CHECK(PyStatus_IsError(mem) && mem.err_msg != NULL);
    PyStatus done = PyStatus_Exit(3);
    CHECK(PyStatus_Exception(done) && PyStatus_IsExit(done) && !PyStatus_IsError(done));
    CHECK(done.exitcode == 3);
}

static void test_wide_list(void)
{
    PyWideStringList list = {0, NULL};
    CHECK(!PyStatus_Exception(PyWideStringList_Append(&list, L"b")));
    CHECK(!PyStatus_Exception(PyWideStringList_Insert(&list, 0, L"a")));
    CHECK(!PyStatus_Exception(PyWideStringList_Insert(&list, 99, L"d")));
    CHECK(!PyStatus_Exception(PyWideStringList_Insert(&list, 2, L"c")));
    static const wchar_t *const expected[] = {L"a", L"b", L"c", L"d"};
    CHECK(list_is(&list, 4, expected));
    /* The list owns copies, which PyConfig_Clear would free: free here. */
    for (Py_ssize_t i = 0; i < list.length; i++) {
        free(list.items[i]);
    }
    free(list.items);
}

static void test_defaults(void)
{
    PyConfig config;
    PyConfig_InitPythonConfig(&config);
    CHECK(config.parse_argv == 1 && config.use_environment == 1);
    CHECK(config.site_import == 1 && config.write_bytecode == 1);
    CHECK(config.buffered_stdio == 1 && config.isolated == 0);
    CHECK(config.enable_gil == -1 && config.int_max_str_digits == -1);
    CHECK(config.optimization_level == 0 && config.run_command == NULL);
    PyConfig_Clear(&config);
    PyConfig_InitIsolatedConfig(&config);
    CHECK(config.parse_argv == 0 && config.use_environment == 0);
    CHECK(config.isolated == 1 && config.safe_path == 1);
    CHECK(config.user_site_directory == 0);
    PyConfig_Clear(&config);
}

static void test_strings(void)
{
    PyConfig config;
    PyConfig_InitPythonConfig(&config);
    CHECK(!PyStatus_Exception(PyConfig_SetString(&config, &config.home, L"/opt/w")));
    CHECK(wide_eq(config.home, L"/opt/w"));
    /* Undecodable bytes survive as U+DC80..U+DCFF (surrogateescape). */
    CHECK(!PyStatus_Exception(PyConfig_SetBytesString(&config, &config.home,
                                                      "x\xff\xc3\xa9")));
    static const wchar_t expected[] = {L'x', 0xDCFF, 0xE9, 0};
    CHECK(wide_eq(config.home, expected));
    CHECK(!PyStatus_Exception(PyConfig_SetString(&config, &config.home, NULL)));
    CHECK(config.home == NULL);
    wchar_t *argv[] = {L"prog", L"-c", L"x"};
    CHECK(!PyStatus_Exception(PyConfig_SetArgv(&config, 3, argv)));
    CHECK(list_is(&config.argv, 3, (const wchar_t *const *)argv));
    PyConfig_Clear(&config);
    CHECK(config.argv.length == 0 && config.argv.items == NULL);
}

static void test_read_command(void)
{
    char *argv[] = {"python", "-E", "-OO", "-bb", "-Wd", "-X", "gil=1",
                    "-Xfoo", "-c", "pass", "a"};
    PyConfig config;
    PyStatus status = read_args(&config, 11, argv);
    CHECK(!PyStatus_Exception(status));
    CHECK(config.use_environment == 0);
    CHECK(config.optimization_level == 2 && config.bytes_warning == 2);
    CHECK(wide_eq(config.run_command, L"pass\n"));
    static const wchar_t *const sys_argv[] = {L"-c", L"a"};
    CHECK(list_is(&config.argv, 2, sys_argv));
    static const wchar_t *const warnings[] = {L"d"};
    CHECK(list_is(&config.warnoptions, 1, warnings));
    static const wchar_t *const xoptions[] = {L"gil=1", L"foo"};
    CHECK(list_is(&config.xoptions, 2, xoptions));
    CHECK(config.enable_gil == 1);
    CHECK(config.orig_argv.length == 11);
    CHECK(wide_eq(config.program_name, L"python"));
    /* A second read keeps sys.argv instead of parsing it again. */
    status = PyConfig_Read(&config);
    CHECK(!PyStatus_Exception(status) && list_is(&config.argv, 2, sys_argv));
    PyConfig_Clear(&config);
}

static void test_read_script(void)
{
    char *argv[] = {"python", "-Isu", "script.py", "-x", "--", "-c"};
    PyConfig config;
    CHECK(!PyStatus_Exception(read_args(&config, 6, argv)));
    CHECK(wide_eq(config.run_filename, L"script.py"));
    CHECK(config.run_command == NULL && config.run_module == NULL);
    static const wchar_t *const sys_argv[] = {L"script.py", L"-x", L"--", L"-c"};
    CHECK(list_is(&config.argv, 4, sys_argv));
    CHECK(config.isolated == 1 && config.use_environment == 0);
    CHECK(config.safe_path == 1 && config.user_site_directory == 0);
    CHECK(config.buffered_stdio == 0);
    PyConfig_Clear(&config);
}

static void test_read_stdin_and_module(void)
{
    char *dash[] = {"python", "-E", "-", "x"};
    PyConfig config;
    CHECK(!PyStatus_Exception(read_args(&config, 4, dash)));
    CHECK(config.run_filename == NULL);
    static const wchar_t *const dash_argv[] = {L"-", L"x"};
    CHECK(list_is(&config.argv, 2, dash_argv));
    PyConfig_Clear(&config);

    char *bare[] = {"python", "-E"};
    CHECK(!PyStatus_Exception(read_args(&config, 2, bare)));
    static const wchar_t *const empty_argv[] = {L""};
    CHECK(list_is(&config.argv, 1, empty_argv));
    PyConfig_Clear(&config);

    char *module[] = {"python", "-E", "-mpkg.mod", "q"};
    CHECK(!PyStatus_Exception(read_args(&config, 4, module)));
    CHECK(wide_eq(config.run_module, L"pkg.mod"));
    static const wchar_t *const module_argv[] = {L"-m", L"q"};
    CHECK(list_is(&config.argv, 2, module_argv));
    PyConfig_Clear(&config);
}

static void test_read_errors(void)
{
    PyConfig config;
    char *gil[] = {"python", "-E", "-X", "gil=x"};
    PyStatus status = read_args(&config, 4, gil);
    CHECK(PyStatus_IsError(status));
    CHECK(status.err_msg && strstr(status.err_msg, "must be \"0\" or \"1\""));
    PyConfig_Clear(&config);

    char *digits[] = {"python", "-E", "-X", "int_max_str_digits=639"};
    status = read_args(&config, 4, digits);
    CHECK(PyStatus_IsError(status));
    PyConfig_Clear(&config);

    char *good[] = {"python", "-E", "-X", "int_max_str_digits=640"};
    CHECK(!PyStatus_Exception(read_args(&config, 4, good)));
    CHECK(config.int_max_str_digits == 640);
    PyConfig_Clear(&config);
}

static void test_parse_argv_off(void)
{
    PyConfig config;
    PyConfig_InitIsolatedConfig(&config);
    wchar_t *argv[] = {L"embedded", L"-c", L"-Z"};
    CHECK(!PyStatus_Exception(PyConfig_SetArgv(&config, 3, argv)));
    CHECK(!PyStatus_Exception(PyConfig_Read(&config)));
    CHECK(list_is(&config.argv, 3, (const wchar_t *const *)argv));
    CHECK(config.run_command == NULL);
    PyConfig_Clear(&config);
}

void suite_initconfig(void)
{
    RUN(test_status);
    RUN(test_wide_list);
    RUN(test_defaults);
    RUN(test_strings);
    RUN(test_read_command);
    RUN(test_read_script);
    RUN(test_read_stdin_and_module);
    RUN(test_read_errors);
    RUN(test_parse_argv_off);
}
