# Copyright (C) 2026 The clusapi developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced by the suites: a throwaway MIT Kerberos realm (krb5-kdc,
# krb5-admin-server, krb5-user), everything under one directory of the
# suite's own. Meant to run in a private network namespace, where the
# KDC has port 88 to itself.
#
#   krb5_env_start DIR REALM
#	writes DIR/krb5.conf and DIR/kdc.conf, creates the database and
#	starts krb5kdc in the foreground mode in the background on
#	127.0.0.1:88; exports KRB5_CONFIG, KRB5_KDC_PROFILE and
#	KRB5CCNAME (DIR/ccache), sets KRB5_KDC_PID. Returns 1 with the
#	log on stderr on failure.
#   krb5_env_principal NAME [PASSWORD]
#	adds NAME@REALM, with PASSWORD or a random key.
#   krb5_env_keytab FILE NAME...
#	writes the keys of NAME@REALM... into FILE.
#   krb5_env_stop
#	SIGTERM to the KDC, by pid.

krb5_env_start() {
	KRB5_ENV_DIR=$1
	KRB5_ENV_REALM=$2
	mkdir -p "$KRB5_ENV_DIR/db"
	cat >"$KRB5_ENV_DIR/krb5.conf" <<EOC
[libdefaults]
	default_realm = $KRB5_ENV_REALM
	dns_lookup_kdc = false
	dns_lookup_realm = false
	rdns = false
	dns_canonicalize_hostname = false
[realms]
	$KRB5_ENV_REALM = {
		kdc = 127.0.0.1:88
	}
EOC
	cat >"$KRB5_ENV_DIR/kdc.conf" <<EOC
[kdcdefaults]
	kdc_listen = 127.0.0.1:88
	kdc_tcp_listen = 127.0.0.1:88
[realms]
	$KRB5_ENV_REALM = {
		database_name = $KRB5_ENV_DIR/db/principal
		key_stash_file = $KRB5_ENV_DIR/db/stash
		acl_file = $KRB5_ENV_DIR/kadm5.acl
	}
[logging]
	kdc = FILE:$KRB5_ENV_DIR/kdc.log
EOC
	export KRB5_CONFIG="$KRB5_ENV_DIR/krb5.conf"
	export KRB5_KDC_PROFILE="$KRB5_ENV_DIR/kdc.conf"
	export KRB5CCNAME="FILE:$KRB5_ENV_DIR/ccache"
	if ! kdb5_util create -s -r "$KRB5_ENV_REALM" -P "kdb-$$" \
		>"$KRB5_ENV_DIR/kdb5_util.log" 2>&1; then
		cat "$KRB5_ENV_DIR/kdb5_util.log" >&2
		return 1
	fi
	: >"$KRB5_ENV_DIR/kdc.log"
	krb5kdc -n -r "$KRB5_ENV_REALM" >>"$KRB5_ENV_DIR/kdc.log" 2>&1 &
	KRB5_KDC_PID=$!
	_i=0
	while ! grep -q "commencing operation" "$KRB5_ENV_DIR/kdc.log"; do
		if ! kill -0 "$KRB5_KDC_PID" 2>/dev/null || [ $_i -ge 100 ]
		then
			echo "krb5kdc did not start:" >&2
			cat "$KRB5_ENV_DIR/kdc.log" >&2
			return 1
		fi
		sleep 0.1
		_i=$((_i + 1))
	done
	return 0
}

krb5_env_principal() {
	if [ -n "${2:-}" ]; then
		kadmin.local -q "addprinc -pw $2 $1@$KRB5_ENV_REALM" \
			>>"$KRB5_ENV_DIR/kadmin.log" 2>&1
	else
		kadmin.local -q "addprinc -randkey $1@$KRB5_ENV_REALM" \
			>>"$KRB5_ENV_DIR/kadmin.log" 2>&1
	fi
}

krb5_env_keytab() {
	_kt=$1
	shift
	for _p in "$@"; do
		kadmin.local -q "ktadd -k $_kt $_p@$KRB5_ENV_REALM" \
			>>"$KRB5_ENV_DIR/kadmin.log" 2>&1 || return 1
	done
}

krb5_env_stop() {
	[ -n "${KRB5_KDC_PID:-}" ] || return 0
	kill -TERM "$KRB5_KDC_PID" 2>/dev/null
	wait "$KRB5_KDC_PID" 2>/dev/null
	KRB5_KDC_PID=
}
