/* Mock of <libssh2.h> (libssh2 1.10 names, signatures and macros). */
#ifndef FORKSAFE_MOCK_LIBSSH2_H
#define FORKSAFE_MOCK_LIBSSH2_H
#include <stddef.h>
#include <sys/types.h>
typedef struct _LIBSSH2_SESSION LIBSSH2_SESSION;
typedef struct _LIBSSH2_CHANNEL LIBSSH2_CHANNEL;
#define SSH_DISCONNECT_BY_APPLICATION 11
LIBSSH2_SESSION *libssh2_session_init_ex(void *(*my_alloc)(size_t, void **),
                                         void (*my_free)(void *, void **),
                                         void *(*my_realloc)(void *, size_t,
                                                             void **),
                                         void *abstract);
#define libssh2_session_init() libssh2_session_init_ex(NULL, NULL, NULL, NULL)
int libssh2_session_handshake(LIBSSH2_SESSION *session, int sock);
int libssh2_userauth_password_ex(LIBSSH2_SESSION *session,
                                 const char *username,
                                 unsigned int username_len,
                                 const char *password,
                                 unsigned int password_len,
                                 void (*passwd_change_cb)(void));
#define libssh2_userauth_password(session, username, password)             \
  libssh2_userauth_password_ex((session), (username),                      \
                               (unsigned int)__builtin_strlen(username),   \
                               (password),                                 \
                               (unsigned int)__builtin_strlen(password),   \
                               NULL)
LIBSSH2_CHANNEL *libssh2_channel_open_ex(LIBSSH2_SESSION *session,
                                         const char *channel_type,
                                         unsigned int channel_type_len,
                                         unsigned int window_size,
                                         unsigned int packet_size,
                                         const char *message,
                                         unsigned int message_len);
#define libssh2_channel_open_session(session)                              \
  libssh2_channel_open_ex((session), "session", sizeof("session") - 1,     \
                          2 * 1024 * 1024, 32768, NULL, 0)
int libssh2_channel_process_startup(LIBSSH2_CHANNEL *channel,
                                    const char *request,
                                    unsigned int request_len,
                                    const char *message,
                                    unsigned int message_len);
#define libssh2_channel_exec(channel, command)                             \
  libssh2_channel_process_startup((channel), "exec", sizeof("exec") - 1,   \
                                  (command),                               \
                                  (unsigned int)__builtin_strlen(command))
ssize_t libssh2_channel_read_ex(LIBSSH2_CHANNEL *channel, int stream_id,
                                char *buf, size_t buflen);
#define libssh2_channel_read(channel, buf, buflen)                         \
  libssh2_channel_read_ex((channel), 0, (buf), (buflen))
int libssh2_channel_free(LIBSSH2_CHANNEL *channel);
int libssh2_session_disconnect_ex(LIBSSH2_SESSION *session, int reason,
                                  const char *description, const char *lang);
#define libssh2_session_disconnect(session, description)                   \
  libssh2_session_disconnect_ex((session), SSH_DISCONNECT_BY_APPLICATION,  \
                                (description), "")
int libssh2_session_free(LIBSSH2_SESSION *session);
#endif
