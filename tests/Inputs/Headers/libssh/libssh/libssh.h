/* Mock of <libssh/libssh.h> (libssh 0.10 names and signatures). */
#ifndef FORKSAFE_MOCK_LIBSSH_H
#define FORKSAFE_MOCK_LIBSSH_H
#include <stdint.h>
typedef struct ssh_session_struct *ssh_session;
typedef struct ssh_channel_struct *ssh_channel;
enum ssh_options_e { SSH_OPTIONS_HOST = 0, SSH_OPTIONS_USER = 4 };
#define SSH_OK 0
ssh_session ssh_new(void);
int ssh_options_set(ssh_session session, enum ssh_options_e type,
                    const void *value);
int ssh_connect(ssh_session session);
int ssh_userauth_publickey_auto(ssh_session session, const char *username,
                                const char *passphrase);
ssh_channel ssh_channel_new(ssh_session session);
int ssh_channel_open_session(ssh_channel channel);
int ssh_channel_request_exec(ssh_channel channel, const char *cmd);
int ssh_channel_read(ssh_channel channel, void *dest, uint32_t count,
                     int is_stderr);
int ssh_channel_send_eof(ssh_channel channel);
int ssh_channel_close(ssh_channel channel);
void ssh_channel_free(ssh_channel channel);
void ssh_disconnect(ssh_session session);
void ssh_silent_disconnect(ssh_session session);
void ssh_free(ssh_session session);
#endif
