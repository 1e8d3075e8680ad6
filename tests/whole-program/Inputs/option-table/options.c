#include "options.h"
struct imapopt_s imapopts[] = {
    {IMAPOPT_ZERO, "", 0, 0},
    {IMAPOPT_SENDMAIL, "sendmail", 0, "/usr/sbin/sendmail"},
    {IMAPOPT_OLDSENDMAIL, "sendmail_path", "2.5", "/usr/lib/sendmail"},
};
