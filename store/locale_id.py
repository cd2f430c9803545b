"""Bahasa Indonesia for every user-facing string: English msgid -> Indonesian text.

Keys are the English source text exactly as passed to `_()` or `N_()`; tests/test_i18n.py
checks that every msgid is here, that no entry is stale, and that each translation keeps the
{placeholders} of its msgid. Entries are grouped by the file that first uses them.
"""

from __future__ import annotations

CATALOGUE: dict[str, str] = {
    # store/check.py
    "case": "kasus",
    "worker": "pekerja",
    "log entry": "catatan",
    "is not valid": "tidak valid",
    "is not a valid record": "bukan data yang valid",
    "the same id is used by {count} records": "id yang sama dipakai oleh {count} data",
    "a saved case has no reference": "ada kasus tersimpan yang tidak punya nomor kasus",
    "the reference is used by {count} cases": "nomor kasus ini dipakai oleh {count} kasus",
    "belongs to a case that does not exist": "terkait dengan kasus yang tidak ada",
    "names a worker who is not in its case": "menyebut pekerja yang tidak ada dalam kasusnya",
    # store/database.py
    "case of this worker": "kasus pekerja ini",
    "case of this log entry": "kasus catatan ini",
    "worker in this case": "pekerja dalam kasus ini",
    # store/errors.py
    "Not found: {what}": "Tidak ditemukan: {what}",
    "This record was changed elsewhere since you opened it; reopen it and try again.": (
        "Data ini sudah diubah di tempat lain sejak Anda membukanya; buka kembali lalu coba lagi."
    ),
    # store/migrations.py
    (
        "{path}: upgrading the database to schema {version} failed ({error}); the file was not "
        "changed."
    ): (
        "{path}: peningkatan basis data ke skema {version} gagal ({error}); berkas tidak diubah."
    ),
    # store/parse.py
    "There is no such date: {text}": "Tanggal itu tidak ada: {text}",
    "Not a date; write it as DD/MM/YYYY, e.g. 12/12/2025": (
        "Bukan tanggal; tulis sebagai DD/MM/YYYY, mis. 12/12/2025"
    ),
    "Not a time of day; write it as HH:MM, e.g. 14:30": (
        "Bukan jam yang valid; tulis sebagai HH:MM, mis. 14:30"
    ),
    "Not a phone number": "Bukan nomor telepon",
    "This phone number is too short": "Nomor telepon ini terlalu pendek",
    "This phone number is too long": "Nomor telepon ini terlalu panjang",
    "Unknown country calling code; start with + and the country code": (
        "Kode telepon negara tidak dikenal; awali dengan + dan kode negara"
    ),
    "Unknown country: {text}": "Negara tidak dikenal: {text}",
    # store/records.py
    "Id": "Id",
    "Created": "Dibuat",
    "Updated": "Diperbarui",
    "Changed by": "Diubah oleh",
    "Version": "Versi",
    "Reference": "Nomor kasus",
    "Title": "Judul",
    "Kind": "Jenis",
    "Destination country": "Negara tujuan",
    "Destination place": "Lokasi tujuan",
    "Origin country": "Negara asal",
    "Exploitation": "Bentuk eksploitasi",
    "Sector": "Sektor",
    "Reached the union via": "Masuk ke serikat melalui",
    "Date reported": "Tanggal dilaporkan",
    "Urgency": "Urgensi",
    "Assigned officer": "Petugas penanggung jawab",
    "Stage": "Tahap",
    "Tags": "Label",
    "must not be empty": "wajib diisi",
    "not a case reference such as KH-2025-0001": "bukan nomor kasus seperti KH-2025-0001",
    "must not be in the future": "tidak boleh tanggal yang akan datang",
    "Case": "Kasus",
    "Full name": "Nama lengkap",
    "Other spellings": "Ejaan lain",
    "Sex": "Jenis kelamin",
    "Date of birth": "Tanggal lahir",
    "Age": "Usia",
    "Nationality": "Kewarganegaraan",
    "Home province": "Provinsi asal",
    "Home district": "Kabupaten/kota asal",
    "Phone": "Telepon",
    "Passport number": "Nomor paspor",
    "Passport is": "Status paspor",
    "Current location or shelter": "Lokasi saat ini atau shelter",
    "Family contact": "Kontak keluarga",
    "Health": "Kesehatan",
    "Notes": "Catatan",
    "Enter the age in whole years": "Isi usia dalam tahun penuh",
    "Workers": "Pekerja",
    "When": "Waktu",
    "Recorded by": "Dicatat oleh",
    "Counterpart organisation": "Lembaga yang dihubungi",
    "Counterpart person": "Orang yang dihubungi",
    "Summary": "Ringkasan",
    "Next step": "Langkah berikutnya",
    "Due date": "Tenggat",
    "Next step done": "Langkah berikutnya selesai",
    "is before the entry's date": "lebih awal dari tanggal catatan",
    "say what is due on the due date": "tuliskan apa yang harus selesai pada tenggat itu",
    "Enter a whole number": "Isi dengan bilangan bulat",
    "is too small": "terlalu kecil",
    "is too large": "terlalu besar",
    "choose one of the listed values": "pilih salah satu nilai dalam daftar",
    "is not a field of this record": "bukan isian dari data ini",
    "is not a valid value": "bukan nilai yang valid",
    # store/storage.py
    "{path} is empty: the file was cut short. Pulang has not changed it.": (
        "{path} kosong: berkasnya terpotong. Pulang tidak mengubahnya."
    ),
    (
        "{path} is damaged (cut short or overwritten) and cannot be read. Pulang has not changed "
        "it; restore it from a backup."
    ): (
        "{path} rusak (terpotong atau tertimpa) dan tidak dapat dibaca. Pulang tidak mengubahnya; "
        "pulihkan dari cadangan."
    ),
    "{path} is not a Pulang database. Pulang has not changed it.": (
        "{path} bukan basis data Pulang. Pulang tidak mengubahnya."
    ),
    "{path} is damaged: its schema version is missing. Pulang has not changed it.": (
        "{path} rusak: versi skemanya tidak ada. Pulang tidak mengubahnya."
    ),
    (
        "{path} was written by a newer Pulang (schema {found}; this one reads up to {newest}). "
        "Update Pulang to open it; the file was not changed."
    ): (
        "{path} ditulis oleh Pulang versi yang lebih baru (skema {found}; versi ini hanya dapat "
        "membaca sampai skema {newest}). Perbarui Pulang untuk membukanya; berkas tidak diubah."
    ),
    "{path} is damaged (table {table} is malformed). Pulang has not changed it.": (
        "{path} rusak (tabel {table} tidak berbentuk benar). Pulang tidak mengubahnya."
    ),
    "The folder {folder} does not exist.": "Folder {folder} tidak ada.",
    "{path} does not exist.": "{path} tidak ada.",
    "{path} is a folder, not a Pulang database.": "{path} adalah folder, bukan basis data Pulang.",
    "{path} cannot be read: permission denied.": "{path} tidak dapat dibaca: izin ditolak.",
    "Could not save to {path}: {reason}. Nothing was changed on disk.": (
        "Tidak dapat menyimpan ke {path}: {reason}. Tidak ada yang berubah di disk."
    ),
    # store/vocab.py
    "individual": "perorangan",
    "group": "kelompok",
    "reported": "dilaporkan",
    "verifying": "verifikasi",
    "awaiting rescue": "menunggu penyelamatan",
    "in shelter": "di shelter",
    "documents": "pengurusan dokumen",
    "immigration clearance": "proses imigrasi",
    "repatriated": "dipulangkan",
    "handed over": "diserahterimakan",
    "reintegration": "reintegrasi",
    "legal follow-up": "tindak lanjut hukum",
    "closed": "ditutup",
    "forced labour": "kerja paksa",
    "forced criminality (scam work)": "kejahatan paksa (penipuan daring)",
    "sexual exploitation": "eksploitasi seksual",
    "child labour": "pekerja anak",
    "forced marriage": "perkawinan paksa",
    "servitude": "perhambaan",
    "forced military service by non-state actors": "dinas militer paksa oleh aktor non-negara",
    "organ removal": "pengambilan organ",
    "forced begging": "pengemisan paksa",
    "forced adoption": "adopsi paksa",
    "surrogacy": "sewa rahim",
    "other": "lainnya",
    "agriculture, forestry and fishing": "pertanian, kehutanan dan perikanan",
    "mining and quarrying": "pertambangan dan penggalian",
    "manufacturing": "industri pengolahan",
    "electricity and gas supply": "pengadaan listrik dan gas",
    "water supply and waste management": "pengadaan air dan pengelolaan limbah",
    "construction": "konstruksi",
    "wholesale and retail trade": "perdagangan besar dan eceran",
    "transport and storage": "transportasi dan pergudangan",
    "accommodation and food service": "penyediaan akomodasi dan makan minum",
    "information and communication (online scams)": "informasi dan komunikasi (penipuan daring)",
    "financial and insurance activities": "jasa keuangan dan asuransi",
    "real estate": "real estat",
    "professional and technical activities": "jasa profesional dan teknis",
    "administrative and support services": "jasa administrasi dan penunjang usaha",
    "public administration and defence": "administrasi pemerintahan dan pertahanan",
    "education": "pendidikan",
    "health and social work": "kesehatan dan kegiatan sosial",
    "arts, entertainment and recreation (gambling)": "kesenian, hiburan dan rekreasi (perjudian)",
    "other services": "jasa lainnya",
    "domestic work in households": "pekerja rumah tangga",
    "extraterritorial organisations": "badan internasional dan ekstrateritorial",
    "hotline": "hotline",
    "walk-in": "datang langsung",
    "online portal": "portal daring",
    "union contact": "kontak serikat",
    "referral by a partner": "rujukan dari mitra",
    "family or friends": "keluarga atau teman",
    "social media": "media sosial",
    "low": "rendah",
    "normal": "biasa",
    "high": "tinggi",
    "critical": "kritis",
    "female": "perempuan",
    "male": "laki-laki",
    "unknown": "tidak diketahui",
    "with the worker": "dipegang pekerja",
    "held by employer": "ditahan majikan",
    "lost": "hilang",
    "none": "tidak punya",
    "call": "telepon",
    "message": "pesan",
    "meeting": "pertemuan",
    "letter": "surat",
    "visit": "kunjungan",
    "referral": "rujukan",
    "note": "catatan",
    # tui/app.py
    "Help": "Bantuan",
    "Quit": "Keluar",
    "Demo database": "Basis data demo",
    "Case {ref} recorded.": "Kasus {ref} tercatat.",
    "New case": "Kasus baru",
    "Press Ctrl+Q to quit.": "Tekan Ctrl+Q untuk keluar.",
    "Do you want to quit?": "Ingin keluar?",
    "Theme": "Tema",
    "Change the colours": "Ganti warna tampilan",
    "Leave Pulang": "Keluar dari Pulang",
    "Help and keys for the screen in front": "Bantuan dan tombol untuk layar yang sedang tampil",
    # tui/cli.py
    "error": "kesalahan",
    "the database file (default: $PULANG_DB, else pulang.json in your data folder)": (
        "berkas basis data (bawaan: $PULANG_DB, jika tidak ada pulang.json di folder data Anda)"
    ),
    "language: en or id (default: from LANG)": "bahasa: en atau id (bawaan: dari LANG)",
    "Pulang: track workers exploited across borders until each is safe home.": (
        "Pulang: memantau pekerja yang dieksploitasi lintas negara sampai masing-masing pulang "
        "dengan selamat."
    ),
    (
        "Exit codes: 0 ok; 1 problems found; 2 file unreadable, foreign or of a newer schema; 3 "
        "wrong passphrase; 4 database busy; 5 confirmation needed but no terminal to ask on; 64 "
        "usage error."
    ): (
        "Kode keluar: 0 berhasil; 1 ditemukan masalah; 2 berkas tidak terbaca, bukan milik Pulang "
        "atau berskema lebih baru; 3 frasa sandi salah; 4 basis data sedang dipakai; 5 perlu "
        "konfirmasi tetapi tidak ada terminal untuk bertanya; 64 salah penggunaan."
    ),
    "COMMAND": "PERINTAH",
    "open a demo database built from the news item": "buka basis data demo yang dibuat dari berita",
    (
        "Write a demo database (its own file, never your real one) and open it. Run again, it "
        "reopens the demo as it is."
    ): (
        "Tulis basis data demo (berkasnya sendiri, tidak pernah basis data Anda yang asli) lalu "
        "buka. Jika dijalankan lagi, demo dibuka kembali apa adanya."
    ),
    "write the demo database but do not open the app": (
        "tulis basis data demo tetapi jangan buka aplikasinya"
    ),
    "with --db: rebuild the file if it is a demo database": (
        "dengan --db: buat ulang berkasnya jika itu basis data demo"
    ),
    "start the demo afresh, throwing away changes made in it": (
        "mulai demo dari awal, perubahan di dalamnya dibuang"
    ),
    "validate every record and reference": "periksa keabsahan setiap data dan rujukan",
    (
        "Validate every record and reference. Exit 0 when sound, 1 when problems were found "
        "(listed), 2 when the file cannot be read as a Pulang database."
    ): (
        "Periksa keabsahan setiap data dan rujukan. Keluar dengan 0 jika semuanya baik, 1 jika "
        "ditemukan masalah (didaftar), 2 jika berkas tidak dapat dibaca sebagai basis data Pulang."
    ),
    "interrupted": "dihentikan",
    "{path} is not a demo database; the demo will not overwrite it.": (
        "{path} bukan basis data demo; demo tidak akan menimpanya."
    ),
    "Demo database rebuilt: {path}": "Basis data demo dibuat ulang: {path}",
    "Reopening the demo database as it is: {path} (--reset starts afresh)": (
        "Membuka kembali basis data demo apa adanya: {path} (--reset memulai dari awal)"
    ),
    "Demo database written: {path}": "Basis data demo ditulis: {path}",
    "{path}: sound, no problems found.": "{path}: baik, tidak ditemukan masalah.",
    "{count} problems found in {path}.": "Ditemukan {count} masalah di {path}.",
    # tui/commands.py
    "Record a new case": "Catat kasus baru",
    "Go to case…": "Buka kasus…",
    "Find a case by reference, title, place or worker name": (
        "Cari kasus menurut nomor kasus, judul, tempat atau nama pekerja"
    ),
    "Cases": "Kasus",
    "The list of all cases": "Daftar semua kasus",
    "Go to case": "Buka kasus",
    "Open this case": "Buka kasus ini",
    # tui/crash.py
    "Pulang stopped because of an internal error. Your saved data is unchanged.": (
        "Pulang berhenti karena kesalahan internal. Data Anda yang sudah tersimpan tidak berubah."
    ),
    "Please report the lines below; they contain no names or other data of your records.": (
        "Mohon laporkan baris-baris di bawah ini; isinya tidak memuat nama atau data lain dari "
        "catatan Anda."
    ),
    "During handling of the above, another error occurred:": (
        "Saat menangani kesalahan di atas, terjadi kesalahan lain:"
    ),
    # tui/screens/case.py
    "Back": "Kembali",
    "Edit case": "Ubah kasus",
    "Add worker": "Tambah pekerja",
    "Log entry": "Catatan",
    "Remove worker": "Hapus pekerja",
    "Step done": "Langkah selesai",
    (
        "A case: its facts at the top, its workers, then its log with the newest entry first. Tab "
        "moves between the workers and the log. e edits the case; a adds a worker; Enter edits the"
        " worker or log entry under the cursor; d removes the worker under the cursor (after "
        "asking); l adds a log entry, with a next step and its due date; x marks the next step of "
        "the log entry under the cursor as done, or open again. Escape goes back to the list."
    ): (
        "Satu kasus: keterangannya di atas, lalu para pekerjanya, lalu catatan kasusnya dengan "
        "catatan terbaru di atas. Tab berpindah antara daftar pekerja dan catatan kasus. e "
        "mengubah kasus; a menambah pekerja; Enter mengubah pekerja atau catatan di bawah kursor; "
        "d menghapus pekerja di bawah kursor (setelah bertanya); l menambah catatan, dengan "
        "langkah berikutnya dan tenggatnya; x menandai langkah berikutnya dari catatan di bawah "
        "kursor sebagai selesai, atau membukanya lagi. Escape kembali ke daftar."
    ),
    "Edit": "Ubah",
    "{kind} case · {place} · stage: {stage} · urgency: {urgency}": (
        "Kasus {kind} · {place} · tahap: {stage} · urgensi: {urgency}"
    ),
    "Exploitation: {kinds} · sector: {sector}": "Eksploitasi: {kinds} · sektor: {sector}",
    "Reported {date}{via} · from {origin} · officer: {officer}": (
        "Dilaporkan {date}{via} · dari {origin} · petugas: {officer}"
    ),
    "via {how}": "melalui {how}",
    "Tags: {tags}": "Label: {tags}",
    "Name": "Nama",
    "Home": "Asal",
    "Workers ({count}) · a add · Enter edit · d remove": (
        "Pekerja ({count}) · a tambah · Enter ubah · d hapus"
    ),
    "Due": "Tenggat",
    "Log ({count}), newest first · l add · Enter edit · x step done": (
        "Catatan kasus ({count}), terbaru di atas · l tambah · Enter ubah · x langkah selesai"
    ),
    "Edit case {ref}": "Ubah kasus {ref}",
    "New worker in {ref}": "Pekerja baru dalam {ref}",
    "New log entry in {ref}": "Catatan baru dalam {ref}",
    "Edit worker": "Ubah data pekerja",
    "Edit log entry": "Ubah catatan",
    "Saved.": "Tersimpan.",
    "Move to a worker in the workers list first.": "Pilih dulu seorang pekerja di daftar pekerja.",
    "Worker removed.": "Pekerja dihapus.",
    "Remove {name} from this case? Log entries stay, without the link to this worker.": (
        "Hapus {name} dari kasus ini? Catatan kasus tetap ada, tanpa tautan ke pekerja ini."
    ),
    "Remove": "Hapus",
    "Keep": "Biarkan",
    "Move to a log entry in the log first.": "Pilih dulu salah satu catatan di catatan kasus.",
    "This log entry has no next step.": "Catatan ini tidak punya langkah berikutnya.",
    "Next step marked done.": "Langkah berikutnya ditandai selesai.",
    "Next step open again.": "Langkah berikutnya dibuka lagi.",
    # tui/screens/cases.py
    "Destination": "Tujuan",
    "Wkr": "Pkj",
    "Next due": "Tenggat",
    "Filter": "Saring",
    "Sort": "Urutkan",
    "Reverse": "Balik urutan",
    (
        "All cases, most pressing next step first. Type / and part of a reference, a title, a "
        "place or any spelling of a worker's name to narrow the list; Escape clears the filter. "
        "Enter opens the case under the cursor, n starts a new case. s sorts by the next column, S"
        " reverses the order. Ctrl+P finds any command, including going straight to a case by its "
        "reference."
    ): (
        "Semua kasus, dengan langkah berikutnya yang paling mendesak di atas. Ketik / lalu "
        "sebagian nomor kasus, judul, tempat atau ejaan mana pun dari nama pekerja untuk "
        "mempersempit daftar; Escape menghapus saringan. Enter membuka kasus di bawah kursor, n "
        "memulai kasus baru. s mengurutkan menurut kolom berikutnya, S membalik urutannya. Ctrl+P "
        "mencari perintah apa pun, termasuk langsung membuka kasus menurut nomor kasusnya."
    ),
    "/ to filter by reference, title, place or name": (
        "/ untuk menyaring menurut nomor kasus, judul, tempat atau nama"
    ),
    "Open": "Buka",
    "No cases yet. Press n to record the first one.": (
        "Belum ada kasus. Tekan n untuk mencatat kasus pertama."
    ),
    "{shown} of {total} cases match “{text}”. Escape clears the filter.": (
        "{shown} dari {total} kasus cocok dengan “{text}”. Escape menghapus saringan."
    ),
    "{total} cases. Overdue dates are highlighted.": (
        "{total} kasus. Tenggat yang terlewat disorot."
    ),
    # tui/screens/dialogs.py
    "Yes": "Ya",
    "No": "Tidak",
    "Close help": "Tutup bantuan",
    "Help for this screen": "Bantuan untuk layar ini",
    "Command palette: search every command": "Palet perintah: cari semua perintah",
    "Quit Pulang": "Keluar dari Pulang",
    "Keys": "Tombol",
    "Press Escape to close.": "Tekan Escape untuk menutup.",
    # tui/screens/form.py
    "Save": "Simpan",
    "Cancel": "Batal",
    (
        "Fill in the fields and press Ctrl+S to save. Tab and Shift+Tab move between fields; Enter"
        " in a one-line field moves to the next one. In a list of choices, Space ticks an item. "
        "Fields marked * are required. Dates are written DD/MM/YYYY. If something cannot be saved,"
        " the reason appears under the field in red and everything you typed stays. Escape asks "
        "before throwing changes away."
    ): (
        "Isi kolom-kolomnya lalu tekan Ctrl+S untuk menyimpan. Tab dan Shift+Tab berpindah "
        "antarkolom; Enter di kolom satu baris pindah ke kolom berikutnya. Di daftar pilihan, "
        "Space mencentang satu pilihan. Kolom bertanda * wajib diisi. Tanggal ditulis DD/MM/YYYY. "
        "Jika ada yang tidak bisa disimpan, alasannya muncul di bawah kolomnya dengan warna merah "
        "dan semua yang sudah Anda ketik tetap ada. Escape bertanya dulu sebelum membuang "
        "perubahan."
    ),
    "(not set)": "(belum diisi)",
    "Not saved: please correct the fields marked in red.": (
        "Belum tersimpan: perbaiki kolom yang ditandai merah."
    ),
    "Not saved": "Belum tersimpan",
    "Discard your changes?": "Buang perubahan Anda?",
    "Discard": "Buang",
    "Keep editing": "Lanjut mengubah",
    # tui/screens/record_forms.py
    "e.g. Ten workers escaped a scam compound": (
        "mis. Sepuluh pekerja kabur dari kompleks penipuan daring"
    ),
    "country name or code, e.g. Cambodia or KH": "nama atau kode negara, mis. Kamboja atau KH",
    "city or area, e.g. Sihanoukville": "kota atau daerah, mis. Sihanoukville",
    "e.g. Indonesia or ID": "mis. Indonesia atau ID",
    "separated by commas": "pisahkan dengan koma",
    "other ways the name is written, separated by commas": (
        "cara lain nama ini ditulis, pisahkan dengan koma"
    ),
    "if the date of birth is not known": "jika tanggal lahir tidak diketahui",
    "e.g. 0812 3456 7890 or +62 812 3456 7890": "mis. 0812 3456 7890 atau +62 812 3456 7890",
    "Sensitive: shelters and hiding places stay in Pulang.": (
        "Sensitif: shelter dan tempat persembunyian hanya disimpan di Pulang."
    ),
    "e.g. KBRI Phnom Penh": "mis. KBRI Phnom Penh",
    "what must happen next, and who does it": "apa yang harus dilakukan berikutnya, dan oleh siapa",
    "Space ticks the workers this entry is about.": (
        "Space mencentang pekerja yang dibahas dalam catatan ini."
    ),
    # tui/widgets.py
    "Down": "Turun",
    "Up": "Naik",
    "First": "Pertama",
    "Last": "Terakhir",
    # tui/translate.py
    "palette": "palet",
    "Open the command palette": "Buka palet perintah",
    "Focus Next": "Pindah ke bagian berikutnya",
    "Focus Previous": "Pindah ke bagian sebelumnya",
    "Copy selected text": "Salin teks yang dipilih",
    # tui/screens/record_forms.py (placeholders)
    "who follows this case": "siapa yang menangani kasus ini",
    "e.g. Sumatera Utara": "mis. Sumatera Utara",
    "e.g. Medan": "mis. Medan",
    "e.g. C1234567": "mis. C1234567",
    "shelter or place where the worker is now": "shelter atau tempat pekerja berada sekarang",
    "a relative's name and phone": "nama dan nomor telepon kerabat",
    "as in the passport, if known": "seperti di paspor, jika diketahui",
    "name and title": "nama dan jabatan",
    "who recorded this entry": "siapa yang mencatat ini",
    # tui/screens/case.py (log detail)
    "Next step: {step}": "Langkah berikutnya: {step}",
    "due {date}": "tenggat {date}",
    # store/engine.py, store/journal.py, store/errors.py (the journal)
    "{path} is older than its journal (was the file restored from a backup without {journal}?). "
    "Pulang has not changed either.": (
        "{path} lebih lama daripada jurnalnya (apakah berkas dipulihkan dari cadangan tanpa "
        "{journal}?). Pulang tidak mengubah keduanya."
    ),
    "{path} is busy: another Pulang is saving to it. Try again in a moment.": (
        "{path} sedang dipakai: Pulang lain sedang menyimpan ke sana. Coba lagi sebentar lagi."
    ),
    "{path} is not a Pulang journal; Pulang has not changed it.": (
        "{path} bukan jurnal Pulang; Pulang tidak mengubahnya."
    ),
    "{path} is damaged in the middle; Pulang has not changed it. Restore it from a backup.": (
        "{path} rusak di bagian tengah; Pulang tidak mengubahnya. Pulihkan dari cadangan."
    ),
    # tui/caselist.py, tui/screens/cases.py
    "Page up": "Halaman sebelumnya",
    "Page down": "Halaman berikutnya",
    "Opening the database…": "Membuka basis data…",
    "Saving…": "Menyimpan…",
    "Opening the database… {percent}%": "Membuka basis data… {percent}%",
    "show the version and exit": "tampilkan versi lalu keluar",
    "{path} is damaged: its contents no longer match their checksum. Pulang has not "
    "changed it; restore it from a backup.": (
        "{path} rusak: isinya tidak lagi cocok dengan checksum-nya. Pulang tidak mengubahnya; "
        "pulihkan dari cadangan."
    ),
    "A record here is damaged and cannot be shown. Run `pulang check` to find it.": (
        "Ada data yang rusak di sini dan tidak dapat ditampilkan. Jalankan `pulang check` "
        "untuk menemukannya."
    ),
    '{path} is damaged: its encryption header cannot be read. Pulang has not changed it; restore it from a backup.': '{path} rusak: kepala enkripsinya tidak dapat dibaca. Pulang tidak mengubahnya; pulihkan dari cadangan.',
    '{path} was encrypted by a newer Pulang. Update Pulang to open it; the file was not changed.': '{path} dienkripsi oleh Pulang yang lebih baru. Perbarui Pulang untuk membukanya; berkas tidak diubah.',
    '{path} is damaged: its encrypted contents fail their check. Pulang has not changed it; restore it from a backup.': '{path} rusak: isi terenkripsinya gagal diperiksa. Pulang tidak mengubahnya; pulihkan dari cadangan.',
    'The passphrase of {path} was changed since it was opened here; unlock it with the new one.': 'Frasa sandi {path} telah diganti sejak dibuka di sini; buka kuncinya dengan frasa sandi yang baru.',
    'Wrong passphrase for {path}. Nothing was changed.': 'Frasa sandi untuk {path} salah. Tidak ada yang diubah.',
    '{path} is encrypted and there is no terminal to ask for its passphrase on. Use --passphrase-fd N or PULANG_PASSPHRASE (see README).': '{path} terenkripsi dan tidak ada terminal untuk menanyakan frasa sandinya. Gunakan --passphrase-fd N atau PULANG_PASSPHRASE (lihat README).',
    # The input policy for text (store/text.py).
    "contains an invisible control character; remove it": (
        "berisi karakter kendali yang tidak terlihat; hapuslah"
    ),
    "must fit on one line; remove the line break or tab": (
        "harus muat dalam satu baris; hapus ganti baris atau tab"
    ),
    "contains a character that cannot be stored; remove it": (
        "berisi karakter yang tidak dapat disimpan; hapuslah"
    ),
    "is too long: at most {limit} characters, this has {count}": (
        "terlalu panjang: paling banyak {limit} karakter, ini {count}"
    ),
    "has too many items: at most {limit}": "isinya terlalu banyak: paling banyak {limit}",
    "is too far in the past or the future": "terlalu jauh di masa lalu atau masa depan",
}
