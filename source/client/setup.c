/*
 * clusctl - the loadparm context and credentials the options ask for
 *
 * Copyright (C) 2026 The clusapi developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 */

/*
 * Samba's command line helpers (samba_cmdline_*) are private: the
 * credentials are filled through the public samba-credentials API.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <core/ntstatus.h>
#include <credentials.h>
#include <param.h>
#include "client/cmdline.h"

/*
 * Ask for the password on the terminal, as Samba's tools do (their
 * callback lives in a private library).  Without a terminal there is no
 * password.
 */
static const char *clusctl_password_prompt(struct cli_credentials *creds)
{
	struct termios old, quiet;
	char buf[256];
	char *name, *pass;
	bool restore = false;
	FILE *tty;
	size_t len;

	tty = fopen("/dev/tty", "r+");
	if (tty == NULL) {
		return talloc_strdup(creds, "");
	}
	name = cli_credentials_get_unparsed_name(creds, creds);
	fprintf(tty, "Password for [%s]:", name != NULL ? name : "");
	fflush(tty);
	TALLOC_FREE(name);

	if (tcgetattr(fileno(tty), &old) == 0) {
		quiet = old;
		quiet.c_lflag &= ~ECHO;
		restore = tcsetattr(fileno(tty), TCSAFLUSH, &quiet) == 0;
	}
	if (fgets(buf, sizeof(buf), tty) == NULL) {
		buf[0] = '\0';
	}
	if (restore) {
		tcsetattr(fileno(tty), TCSAFLUSH, &old);
	}
	fprintf(tty, "\n");
	fclose(tty);

	len = strlen(buf);
	if (len > 0 && buf[len - 1] == '\n') {
		buf[len - 1] = '\0';
	}
	pass = talloc_strdup(creds, buf);
	memset(buf, 0, sizeof(buf));
	return pass;
}

/* -s (else the default smb.conf, if any), --option, -d and -W */
static int clusctl_setup_loadparm(TALLOC_CTX *mem_ctx,
				  const struct clusctl_options *opts,
				  struct loadparm_context *lp_ctx,
				  char **error)
{
	char lvl[16];
	size_t i;

	if (opts->configfile != NULL) {
		if (access(opts->configfile, R_OK) != 0) {
			*error = talloc_asprintf(mem_ctx, "cannot read config "
						 "file \"%s\": %s",
						 opts->configfile,
						 strerror(errno));
			return CLUSCTL_EXIT_USAGE;
		}
		if (!lpcfg_load(lp_ctx, opts->configfile)) {
			*error = talloc_asprintf(mem_ctx, "cannot load config "
						 "file \"%s\"",
						 opts->configfile);
			return CLUSCTL_EXIT_USAGE;
		}
	} else {
		/* like Samba's tools; a missing smb.conf is fine */
		(void)lpcfg_load_default(lp_ctx);
	}
	for (i = 0; opts->lp_options != NULL &&
		    opts->lp_options[i] != NULL; i++) {
		char *name = talloc_strdup(mem_ctx, opts->lp_options[i]);
		char *value;

		if (name == NULL) {
			return CLUSCTL_EXIT_FAILED;
		}
		value = strchr(name, '=');
		*value++ = '\0';
		if (!lpcfg_set_cmdline(lp_ctx, name, value)) {
			*error = talloc_asprintf(mem_ctx, "--option: cannot "
						 "set \"%s\" to \"%s\"", name,
						 value);
			return CLUSCTL_EXIT_USAGE;
		}
	}
	if (opts->debuglevel >= 0) {
		snprintf(lvl, sizeof(lvl), "%d", opts->debuglevel);
		lpcfg_set_cmdline(lp_ctx, "log level", lvl);
	}
	if (opts->workgroup != NULL) {
		lpcfg_set_cmdline(lp_ctx, "workgroup", opts->workgroup);
	}
	return CLUSCTL_EXIT_OK;
}

static void clusctl_setup_kerberos(struct cli_credentials *creds,
				   enum clusctl_kerberos kerberos)
{
	static const enum credentials_use_kerberos states[] = {
		[CLUSCTL_KERBEROS_DESIRED] = CRED_USE_KERBEROS_DESIRED,
		[CLUSCTL_KERBEROS_REQUIRED] = CRED_USE_KERBEROS_REQUIRED,
		[CLUSCTL_KERBEROS_OFF] = CRED_USE_KERBEROS_DISABLED,
	};

	if (kerberos == CLUSCTL_KERBEROS_DEFAULT) {
		return;
	}
	cli_credentials_set_kerberos_state(creds, states[kerberos],
					   CRED_SPECIFIED);
}

/* -U, -W, -A, -k, -N over what the environment says */
static int clusctl_setup_creds(TALLOC_CTX *mem_ctx,
			       const struct clusctl_options *opts,
			       struct loadparm_context *lp_ctx,
			       struct cli_credentials *creds, char **error)
{
	if (opts->no_pass && opts->user == NULL && opts->authfile == NULL) {
		cli_credentials_set_anonymous(creds);
		return CLUSCTL_EXIT_OK;
	}
	if (!cli_credentials_guess(creds, lp_ctx)) {
		*error = talloc_asprintf(mem_ctx, "cannot set up the "
					 "credentials");
		return CLUSCTL_EXIT_FAILED;
	}
	if (opts->workgroup != NULL) {
		cli_credentials_set_domain(creds, opts->workgroup,
					   CRED_SPECIFIED);
	}
	if (opts->authfile != NULL &&
	    !cli_credentials_parse_file(creds, opts->authfile,
					CRED_SPECIFIED)) {
		*error = talloc_asprintf(mem_ctx, "cannot read the "
					 "authentication file \"%s\"",
					 opts->authfile);
		return CLUSCTL_EXIT_USAGE;
	}
	if (opts->user != NULL) {
		cli_credentials_parse_string(creds, opts->user,
					     CRED_SPECIFIED);
	}
	clusctl_setup_kerberos(creds, opts->kerberos);
	if (opts->no_pass) {
		cli_credentials_set_password(creds, "", CRED_SPECIFIED);
	} else if (opts->kerberos != CLUSCTL_KERBEROS_REQUIRED) {
		/* ask on the terminal if a password is still needed */
		cli_credentials_set_password_callback(creds,
						      clusctl_password_prompt);
	}
	return CLUSCTL_EXIT_OK;
}

int clusctl_setup(TALLOC_CTX *mem_ctx, const struct clusctl_options *opts,
		  struct loadparm_context **plp_ctx,
		  struct cli_credentials **pcreds, char **error)
{
	struct loadparm_context *lp_ctx;
	struct cli_credentials *creds;
	int rc;

	*error = NULL;
	lp_ctx = loadparm_init(mem_ctx);
	creds = cli_credentials_init(mem_ctx);
	if (lp_ctx == NULL || creds == NULL) {
		return CLUSCTL_EXIT_FAILED;
	}
	/* the credentials read what the configuration says */
	rc = clusctl_setup_loadparm(mem_ctx, opts, lp_ctx, error);
	if (rc == CLUSCTL_EXIT_OK) {
		rc = clusctl_setup_creds(mem_ctx, opts, lp_ctx, creds, error);
	}
	if (rc != CLUSCTL_EXIT_OK) {
		return rc;
	}
	*plp_ctx = lp_ctx;
	*pcreds = creds;
	return CLUSCTL_EXIT_OK;
}
